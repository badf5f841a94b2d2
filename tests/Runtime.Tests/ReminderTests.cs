using Actors.Runtime.Testing;
using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>Reminders are durable: they fire after the silo that registered them is gone.</summary>
public sealed class ReminderTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly Dictionary<string, string?> FastPolling = new() { ["Reminders:PollInterval"] = "00:00:00.100" };

    [Fact]
    public async Task A_reminder_fires_after_the_silo_restarts()
    {
        await using var silo = await Silos.StartAsync(postgres.Database, settings: FastPolling);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("after-restart");
        await grain.Schedule(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        await silo.RestartAsync();
        var restarted = silo.GrainFactory.GetGrain<IReminderGrain>("after-restart");
        Assert.Equal(0, await restarted.Ticks());

        Assert.Equal(1, await Eventually.Until(restarted.Ticks, ticks => ticks >= 1));
    }

    [Fact]
    public async Task A_reminder_reactivates_a_deactivated_grain_and_repeats_until_cancelled()
    {
        await using var silo = await Silos.StartAsync(postgres.Database, settings: FastPolling);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("repeating");
        await grain.Schedule(TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        await silo.DeactivateAsync(grain);

        Assert.True(await Eventually.Until(grain.Ticks, ticks => ticks >= 3) >= 3);
        await grain.Cancel();
        var afterCancel = await grain.Ticks();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.InRange(await grain.Ticks(), afterCancel, afterCancel + 1);
        Assert.Equal(0L, await postgres.Database.ScalarAsync<long>(
            "SELECT count(*) FROM reminders WHERE grain_key = 'repeating'"));
    }

    [Fact]
    public async Task A_reminder_registered_with_a_state_write_is_on_record_exactly_when_that_write_commits()
    {
        await using var silo = await Silos.StartAsync(postgres.Database, settings: FastPolling);
        var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("with-reminder");

        await Assert.ThrowsAnyAsync<Exception>(() => ledger.PostWithReminder(1, TimeSpan.FromHours(1), failInsideTransaction: true));
        Assert.Equal(0L, await RemindersOf("with-reminder"));

        await ledger.PostWithReminder(2, TimeSpan.FromHours(1), failInsideTransaction: false);
        Assert.Equal(1L, await RemindersOf("with-reminder"));

        await Assert.ThrowsAnyAsync<Exception>(() => ledger.PostWithReminder(3, settleAfter: null, failInsideTransaction: true));
        Assert.Equal(1L, await RemindersOf("with-reminder"));

        await ledger.PostWithReminder(4, settleAfter: null, failInsideTransaction: false);
        Assert.Equal(0L, await RemindersOf("with-reminder"));
        Assert.Equal(4, await ledger.Value());
    }

    private Task<long> RemindersOf(string key) =>
        postgres.Database.ScalarAsync<long>("SELECT count(*) FROM reminders WHERE grain_key = $1 AND reminder_name = 'settle'", key);
}
