namespace Actors.Runtime.Reminders;

/// <summary>What grains call to register, find and remove their reminders.</summary>
internal sealed class ReminderRegistry(IReminderTable table, TimeProvider time)
{
    public async Task<IGrainReminder> RegisterOrUpdateAsync(
        GrainId grain, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromMilliseconds(1));
        var entry = new ReminderEntry(grain, name, time.GetUtcNow() + dueTime, period);
        await table.UpsertAsync(entry, cancellationToken);
        return entry;
    }

    public Task UnregisterAsync(GrainId grain, string name, CancellationToken cancellationToken) =>
        table.RemoveAsync(grain, name, cancellationToken);

    public async Task<IGrainReminder?> GetAsync(GrainId grain, string name, CancellationToken cancellationToken) =>
        await table.GetAsync(grain, name, cancellationToken);
}
