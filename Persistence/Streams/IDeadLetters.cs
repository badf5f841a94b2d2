using Actors.Persistence.EventLog;

namespace Actors.Persistence.Streams;

/// <summary>The dead-letter table: events consumers could not apply, kept for an operator to see and replay.</summary>
public interface IDeadLetters
{
    /// <summary>Records that <paramref name="consumer"/> gave up on <paramref name="recorded"/>; recording the same event again refreshes the entry.</summary>
    Task AddAsync(string consumer, RecordedEvent recorded, string error, int attempts, CancellationToken cancellationToken);

    /// <summary>Entries not yet replayed, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListWaitingAsync(int max, CancellationToken cancellationToken);

    Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken);

    Task<long> CountWaitingAsync(CancellationToken cancellationToken);

    Task MarkReplayedAsync(long id, CancellationToken cancellationToken);
}
