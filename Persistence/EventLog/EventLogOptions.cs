namespace Actors.Persistence.EventLog;

/// <summary>How the event log is tailed, bound from the "EventLog" configuration section.</summary>
public sealed class EventLogOptions
{
    /// <summary>Watched streams are re-read this often even without a notification, so a missed NOTIFY costs at most this delay.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read from one stream per query.</summary>
    public int BatchSize { get; set; } = 500;
}
