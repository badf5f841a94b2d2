using Orleans;
using Orleans.Runtime;

namespace Actors.OrleansSql.Tests;

/// <summary>A grain that keeps its state and a reminder through the ADO.NET providers.</summary>
public interface IGuestBookGrain : IGrainWithStringKey
{
    /// <summary>Adds a guest to the book and persists it.</summary>
    Task SignAsync(string guest);

    /// <summary>Registers the nightly reminder.</summary>
    Task RemindNightlyAsync();
}

public sealed class GuestBookGrain(
    [PersistentState("book", SiloHost.StorageName)] IPersistentState<StayState> book) : Grain, IGuestBookGrain, IRemindable
{
    async Task IGuestBookGrain.SignAsync(string guest)
    {
        book.State.Guest = guest;
        book.State.Nights++;
        await book.WriteStateAsync();
    }

    Task IGuestBookGrain.RemindNightlyAsync() =>
        this.RegisterOrUpdateReminder("nightly", TimeSpan.FromHours(1), TimeSpan.FromDays(1));

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
