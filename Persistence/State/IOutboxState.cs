using Actors.Persistence.EventLog;

namespace Actors.Persistence.State;

/// <summary>
/// A grain's persisted state with a transactional outbox: the state, the rows it enlists and the
/// domain events it raised commit together or not at all, guarded by an ETag so only one activation
/// of the grain can commit. Shaped like Orleans' <c>IPersistentState&lt;T&gt;</c>.
/// </summary>
public interface IOutboxState<TState> where TState : new()
{
    TState State { get; set; }

    /// <summary>The version this activation last read or wrote; null before the first write.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits the state, the events raised since the last write and any enlisted writes in one
    /// transaction. On failure nothing is committed, the events are dropped and <see cref="State"/>
    /// goes back to what storage holds; on an ETag mismatch Orleans' InconsistentStateException is
    /// thrown and the activation is deactivated, so the next call reloads the committed state.
    /// </summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a domain event to be appended to <paramref name="stream"/> by the next write.</summary>
    void RaiseEvent(EventStream stream, object domainEvent);

    /// <summary>Adds a write (for example a database backstop row) that commits or fails with the next state write.</summary>
    void Enlist(ITransactionalWrite write);
}
