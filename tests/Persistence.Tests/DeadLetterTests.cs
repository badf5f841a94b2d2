using Actors.Persistence.EventLog;
using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;

namespace Actors.Persistence.Tests;

/// <summary>
/// A consumer that keeps failing on one event gives up on exactly that event: it goes to the
/// dead-letter table with its error, later events still arrive, and a replay applies it once.
/// </summary>
public sealed class DeadLetterTests(ClusterFixture silos) : IClassFixture<ClusterFixture>
{
    private static readonly EventStream Poisoned = new("ledger", "poisoned");

    [Fact(Timeout = 90_000)]
    public async Task A_failing_event_is_dead_lettered_alone_later_ones_apply_and_a_replay_applies_it_once()
    {
        silos.Probe.Poison(13);
        var ledger = silos.Grains.GetGrain<ILedgerGrain>("poisoned");
        await ledger.PostTo(Poisoned.Key, 1);
        await ledger.PostTo(Poisoned.Key, 13);
        await ledger.PostTo(Poisoned.Key, 2);

        var tally = silos.Grains.GetGrain<ILedgerTallyGrain>(Poisoned.Key);
        await Eventually.Until(tally.GetAppliedThroughAsync, through => through == 3);
        var skipped = await tally.Tally();

        // The poisoned event's half-made change (it records its sequence before throwing) was undone every time.
        Assert.Equal([1L, 3L], skipped.Applied);
        Assert.Equal(3, skipped.Sum);
        Assert.Equal([2L], skipped.DeadLettered);
        var letter = await silos.Database.ScalarAsync<string>(
            "SELECT string_agg(consumer || ' #' || sequence || ' x' || attempts || ' ' || (error LIKE '%Value 13 is poisoned%'), ';') FROM dead_letters WHERE stream_key = 'poisoned'");
        Assert.Equal($"{tally.GetGrainId()} #2 x4 true", letter);

        silos.Probe.Cure(13);
        Assert.True(await tally.ReplayAsync(Poisoned, 2));
        Assert.False(await tally.ReplayAsync(Poisoned, 2));

        var replayed = await tally.Tally();
        Assert.Equal([1L, 3L, 2L], replayed.Applied);
        Assert.Equal(16, replayed.Sum);
        Assert.Empty(replayed.DeadLettered);
    }
}
