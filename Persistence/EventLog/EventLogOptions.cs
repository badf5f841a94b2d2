namespace Actors.Persistence.EventLog;

/// <summary>How the event log is read as Orleans' stream queues, bound from the "EventLog" configuration section.</summary>
public sealed class EventLogOptions
{
    /// <summary>The name of the Orleans stream provider that carries the log's events.</summary>
    public const string StreamProvider = "events";

    /// <summary>Streams are re-read this often even without a notification, so a missed NOTIFY costs at most this delay.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read from one stream per query.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Queues the log is split into (by a hash of the stream); the cluster spreads them over its silos.</summary>
    public int Queues { get; set; } = 4;

    /// <summary>Events one queue holds for consumers that have not received them yet; when full the queue stops reading until they catch up.</summary>
    public int CacheSize { get; set; } = 4_096;
}
