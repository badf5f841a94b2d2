using Actors.Runtime.Streams;

namespace Actors.Runtime;

/// <summary>A grain's persisted state, guarded by an ETag so only one activation can commit it.</summary>
public interface IPersistentState<TState> where TState : new()
{
    TState State { get; set; }

    /// <summary>The version this activation last read or wrote; null before the first write.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits the state, the events raised since the last write and any enlisted writes in one
    /// transaction. On failure nothing is committed, the events are dropped and <see cref="State"/>
    /// goes back to what storage holds; on an ETag mismatch the grain also deactivates.
    /// </summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a domain event to be appended to <paramref name="stream"/> by the next write.</summary>
    void RaiseEvent(StreamId stream, object domainEvent);

    /// <summary>Adds a write (for example a database backstop row) that commits or fails with the next state write.</summary>
    void Enlist(ITransactionalWrite write);
}
