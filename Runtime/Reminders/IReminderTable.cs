namespace Actors.Runtime.Reminders;

/// <summary>Durable storage of reminders.</summary>
public interface IReminderTable
{
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    Task RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken);

    Task<ReminderEntry?> GetAsync(GrainId grain, string name, CancellationToken cancellationToken);

    /// <summary>Reminders due at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Moves a fired reminder to its next due time, unless it was changed or removed meanwhile.</summary>
    Task AdvanceAsync(ReminderEntry fired, DateTimeOffset nextDue, CancellationToken cancellationToken);
}
