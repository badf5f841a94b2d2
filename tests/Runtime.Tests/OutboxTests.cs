using System.Text.Json;
using Actors.Runtime.Persistence;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>Guarantee 5: state and the events it raised commit in one transaction, in per-stream order.</summary>
public sealed class OutboxTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_write_commits_its_state_and_its_events_together()
    {
        await using var silo = await Silos.StartAsync(postgres.Database);
        var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("together");

        await ledger.Post(7, events: 3, failInsideTransaction: false);

        Assert.Equal(3L, await postgres.Database.ScalarAsync<long>(
            "SELECT count(*) FROM event_log WHERE grain_key = 'together'"));
        Assert.Equal("7", await postgres.Database.ScalarAsync<string>(
            "SELECT payload->>'value' FROM grain_state WHERE grain_key = 'together'"));
    }

    [Fact]
    public async Task A_failed_transaction_leaves_neither_the_state_nor_its_events()
    {
        await using var silo = await Silos.StartAsync(postgres.Database);
        var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("atomic");
        await ledger.Post(1, events: 1, failInsideTransaction: false);

        await Assert.ThrowsAnyAsync<Exception>(() => ledger.Post(2, events: 4, failInsideTransaction: true));

        Assert.Equal(1L, await postgres.Database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'atomic'"));
        Assert.Equal("1", await postgres.Database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'atomic'"));
        // The grain's memory went back to what was committed, so it does not serve a value that never existed.
        Assert.Equal(1, await ledger.Value());

        await ledger.Post(3, events: 1, failInsideTransaction: false);
        Assert.Equal(2L, await postgres.Database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'atomic'"));
    }

    [Fact]
    public async Task Concurrent_writers_to_one_stream_get_gapless_unique_sequence_numbers()
    {
        await using var silo = await Silos.StartAsync(postgres.Database);
        var log = silo.Services.GetRequiredService<IEventLog>();
        var before = (await log.ReadAsync(LedgerGrain.Stream, 0, 100_000, CancellationToken.None)).Count;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(g => Task.Run(async () =>
        {
            var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>($"writer-{g}");
            for (var i = 1; i <= 5; i++)
            {
                await ledger.Post(i, events: 2, failInsideTransaction: false);
            }
        })));

        var events = await log.ReadAsync(LedgerGrain.Stream, before, 100_000, CancellationToken.None);
        Assert.Equal(400, events.Count);
        Assert.Equal(Enumerable.Range(before + 1, 400).Select(i => (long)i), events.Select(e => e.Sequence));
        // Within one grain, events keep the order in which they were raised.
        foreach (var writer in events.Select(Read).GroupBy(e => e.Ledger))
        {
            Assert.Equal(writer.OrderBy(e => e.Value).ThenBy(e => e.Index), writer);
        }
    }

    private static LedgerPosted Read(RecordedEvent recorded) =>
        JsonSerializer.Deserialize<LedgerPosted>(recorded.Payload, GrainJson.Options)!;
}
