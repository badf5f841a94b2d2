using Actors.Persistence.EventLog;

namespace Actors.Persistence.Streams;

/// <summary>How far each stream has been delivered to every consumer, per stream provider: a receiver's checkpoint.</summary>
public interface IStreamPositions
{
    /// <summary>The delivered position of every stream of one partition that has one.</summary>
    Task<IReadOnlyDictionary<EventStream, long>> ReadAsync(string provider, int partition, int partitions, CancellationToken cancellationToken);

    /// <summary>Moves positions forward (never back: a late save from a queue's previous owner changes nothing).</summary>
    Task SaveAsync(string provider, IReadOnlyDictionary<EventStream, long> delivered, CancellationToken cancellationToken);
}
