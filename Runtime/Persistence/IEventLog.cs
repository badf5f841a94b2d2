using Actors.Runtime.Streams;

namespace Actors.Runtime.Persistence;

/// <summary>The durable log of domain events, read in stream order.</summary>
public interface IEventLog
{
    /// <summary>Events of <paramref name="stream"/> after <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAsync(StreamId stream, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The last committed sequence number of each stream (0 for a stream with no events yet).</summary>
    Task<IReadOnlyDictionary<StreamId, long>> ReadLastSequencesAsync(IReadOnlyCollection<StreamId> streams, CancellationToken cancellationToken);
}
