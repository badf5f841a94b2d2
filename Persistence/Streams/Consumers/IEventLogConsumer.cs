using Actors.Persistence.EventLog;
using Orleans;

namespace Actors.Persistence.Streams.Consumers;

/// <summary>A grain that consumes a stream of the event log, applying each event once.</summary>
[Alias("IEventLogConsumer")]
public interface IEventLogConsumer : IGrainWithStringKey
{
    /// <summary>Applies a dead-lettered event now (after its cause was fixed); false when it was already applied.</summary>
    Task<bool> ReplayAsync(EventStream stream, long sequence);

    /// <summary>The sequence up to which every event has been applied or dead-lettered.</summary>
    Task<long> GetAppliedThroughAsync();
}
