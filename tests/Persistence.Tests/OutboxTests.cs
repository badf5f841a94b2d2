using System.Text.Json;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Persistence.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Persistence.Tests;

/// <summary>
/// Guarantee 5: a grain's state, the rows it enlists and the events it raised commit in one
/// transaction (the transactional outbox), and each stream's events are numbered without gaps.
/// </summary>
public sealed class OutboxTests(ClusterFixture silos) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task A_write_commits_its_state_and_its_events_together()
    {
        var ledger = silos.Grains.GetGrain<ILedgerGrain>("together");

        await ledger.Post(7, events: 3);

        Assert.Equal(3L, await silos.Database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'together'"));
        Assert.Equal("7", await silos.Database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'together'"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_transaction_that_fails_after_its_state_and_events_were_written_leaves_neither()
    {
        var ledger = silos.Grains.GetGrain<ILedgerGrain>("atomic");
        await ledger.Post(1, events: 1);

        // The enlisted write runs after the state row and the 4 events, then violates a NOT NULL constraint.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.Post(2, events: 4, failInsideTransaction: true));
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);

        Assert.Equal(1L, await silos.Database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'atomic'"));
        Assert.Equal("1", await silos.Database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'atomic'"));
        Assert.Equal(1L, await silos.Database.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = 'atomic'"));
        // The grain's memory went back to what was committed: it never serves a value that was refused.
        Assert.Equal(1, await ledger.Value());

        // And the activation still holds the right ETag: the next write commits, numbered after the last committed event.
        await ledger.Post(3, events: 1);
        Assert.Equal(2L, await silos.Database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'atomic'"));
        Assert.Equal("3", await silos.Database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'atomic'"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Forty_concurrent_writers_to_one_stream_get_gapless_unique_sequence_numbers()
    {
        var log = silos.Cluster.GetSiloServiceProvider().GetRequiredService<IEventLog>();
        var before = (await log.ReadLastSequencesAsync([LedgerGrain.Stream], CancellationToken.None))[LedgerGrain.Stream];

        await Task.WhenAll(Enumerable.Range(0, 40).Select(writer => Task.Run(async () =>
        {
            var ledger = silos.Grains.GetGrain<ILedgerGrain>($"writer-{writer}");
            for (var value = 1; value <= 5; value++)
            {
                await ledger.Post(value, events: 2);
            }
        })));

        var events = await log.ReadAsync(LedgerGrain.Stream, before, 100_000, CancellationToken.None);
        Assert.Equal(Enumerable.Range((int)before + 1, 400).Select(i => (long)i), events.Select(e => e.Sequence));
        // Within one grain, events keep the order in which they were raised.
        foreach (var writer in events.Select(Read).GroupBy(e => e.Ledger))
        {
            Assert.Equal(writer.OrderBy(e => e.Value).ThenBy(e => e.Index), writer);
        }
    }

    private static LedgerPosted Read(RecordedEvent recorded) =>
        JsonSerializer.Deserialize<LedgerPosted>(recorded.Payload, GrainJson.Options)!;
}
