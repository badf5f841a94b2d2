using Orleans.Runtime;

namespace Actors.Persistence.State;

/// <summary>Where outbox state and the event log live: PostgreSQL, or memory for the embedded default.</summary>
public interface IOutboxStore
{
    /// <summary>True when a write survives the process.</summary>
    bool IsDurable { get; }

    Task<StoredState?> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken);

    /// <summary>Commits state, events and enlisted writes atomically; returns the new ETag.</summary>
    /// <exception cref="Orleans.Storage.InconsistentStateException">The ETag does not match what storage holds.</exception>
    Task<string> WriteAsync(StateWrite write, CancellationToken cancellationToken);

    Task ClearAsync(GrainId grain, string stateName, string? etag, CancellationToken cancellationToken);

    /// <summary>Throws when storage cannot be reached; used by the readiness check.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
