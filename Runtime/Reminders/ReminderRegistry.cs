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

    /// <summary>Records the reminder with the next write of <paramref name="state"/> where storage can; else at once.</summary>
    public async Task RegisterOrUpdateWithAsync<TState>(
        IPersistentState<TState> state, GrainId grain, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
        where TState : new()
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromMilliseconds(1));
        var entry = new ReminderEntry(grain, name, time.GetUtcNow() + dueTime, period);
        if (table is ITransactionalReminders transactional)
        {
            state.Enlist(transactional.Upsert(entry));
        }
        else
        {
            await table.UpsertAsync(entry, cancellationToken);
        }
    }

    /// <summary>Removes the reminder with the next write of <paramref name="state"/> where storage can; else at once.</summary>
    public async Task UnregisterWithAsync<TState>(IPersistentState<TState> state, GrainId grain, string name, CancellationToken cancellationToken)
        where TState : new()
    {
        if (table is ITransactionalReminders transactional)
        {
            state.Enlist(transactional.Remove(grain, name));
        }
        else
        {
            await table.RemoveAsync(grain, name, cancellationToken);
        }
    }

    public Task UnregisterAsync(GrainId grain, string name, CancellationToken cancellationToken) =>
        table.RemoveAsync(grain, name, cancellationToken);

    public async Task<IGrainReminder?> GetAsync(GrainId grain, string name, CancellationToken cancellationToken) =>
        await table.GetAsync(grain, name, cancellationToken);
}
