using System.Diagnostics;
using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Actors.Persistence.Tests;

/// <summary>Reminders live in PostgreSQL (Orleans' ADO.NET reminders over our SQL): they outlive the silos that registered them.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        var due = TimeSpan.FromSeconds(6);
        var registered = Stopwatch.StartNew();
        await using (var before = await StartAsync())
        {
            var grain = before.Client.GetGrain<IReminderGrain>("after-restart");
            await grain.Schedule(due, TimeSpan.FromMinutes(10));
            Assert.Equal(0, await grain.Ticks());
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%after-restart'"));
        }

        // Every silo that knew about the reminder is gone before it is due: only the database remembers it.
        Assert.True(registered.Elapsed < due, $"The first cluster took {registered.Elapsed} to stop; the reminder may have fired before the restart.");
        await using var after = await StartAsync();
        var restarted = after.Client.GetGrain<IReminderGrain>("after-restart");

        Assert.Equal(1, await Eventually.Until(restarted.Ticks, ticks => ticks >= 1, TimeSpan.FromSeconds(30)));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_reminder_reactivates_its_grain_and_repeats_until_it_is_cancelled()
    {
        await using var silos = await StartAsync();
        var grain = silos.Client.GetGrain<IReminderGrain>("repeating");
        await grain.Schedule(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        await silos.DeactivateAsync(grain).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(await Eventually.Until(grain.Ticks, ticks => ticks >= 3, TimeSpan.FromSeconds(20)) >= 3);
        await grain.Cancel();
        var afterCancel = await grain.Ticks();
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.InRange(await grain.Ticks(), afterCancel, afterCancel + 1);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%repeating'"));
    }

    // Orleans refuses periods under a minute by default; the tests need seconds.
    private Task<InProcessTestCluster> StartAsync() => TestSilos.StartAsync(
        database,
        configureSilo: silo => silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
}
