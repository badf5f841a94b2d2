namespace Actors.Runtime.Persistence;

/// <summary>The durable log of domain events, read in stream order.</summary>
public interface IEventLog
{
    /// <summary>Events of <paramref name="stream"/> after <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAsync(Streams.StreamId stream, long afterSequence, int max, CancellationToken cancellationToken);
}
