namespace Actors.Persistence.TestHost;

/// <summary>Counts reminder ticks in persisted state, so ticks after a restart are visible.</summary>
public interface IReminderGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder "wake", first due after <paramref name="due"/>.</summary>
    Task Schedule(TimeSpan due, TimeSpan period);

    /// <summary>Ticks received so far.</summary>
    Task<int> Ticks();

    /// <summary>Removes the reminder "wake".</summary>
    Task Cancel();
}

public sealed class ReminderTicks
{
    public int Count { get; set; }
}

public sealed class ReminderGrain([PersistentState("ticks")] IPersistentState<ReminderTicks> ticks) : Grain, IReminderGrain, IRemindable
{
    public Task Schedule(TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder("wake", due, period);

    public Task<int> Ticks() => Task.FromResult(ticks.State.Count);

    public async Task Cancel()
    {
        if (await this.GetReminder("wake") is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Count++;
        await ticks.WriteStateAsync();
    }
}
