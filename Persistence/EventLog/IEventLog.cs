namespace Actors.Persistence.EventLog;

/// <summary>The durable log of domain events, read in stream order.</summary>
public interface IEventLog
{
    /// <summary>Events of <paramref name="stream"/> after <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAsync(EventStream stream, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The last committed sequence number of one stream (0 for a stream with no events yet).</summary>
    Task<long> ReadLastSequenceAsync(EventStream stream, CancellationToken cancellationToken);

    /// <summary>The last committed sequence number of each stream (0 for a stream with no events yet).</summary>
    Task<IReadOnlyDictionary<EventStream, long>> ReadLastSequencesAsync(IReadOnlyCollection<EventStream> streams, CancellationToken cancellationToken);

    /// <summary>The last committed sequence number of every stream of one partition (see <see cref="EventStream.Partition"/>).</summary>
    Task<IReadOnlyDictionary<EventStream, long>> ReadPartitionAsync(int partition, int partitions, CancellationToken cancellationToken);
}
