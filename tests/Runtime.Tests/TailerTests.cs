using System.Collections.Concurrent;
using Actors.Runtime.Persistence;
using Actors.Runtime.Streams;
using Actors.Runtime.Testing;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>The log tailer publishes committed events to this node's streams: all of them, in order, once.</summary>
public sealed class TailerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_node_receives_every_event_another_node_commits_in_sequence_order_without_duplicates()
    {
        await using var writer = await Silos.StartAsync(postgres.Database);
        await using var reader = await Silos.StartAsync(postgres.Database);
        var received = new ConcurrentQueue<long>();
        await using var watch = await WatchAsync(reader, LedgerGrain.Stream, received);
        var start = await LastSequenceAsync(reader, LedgerGrain.Stream);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(g => Task.Run(async () =>
        {
            var ledger = writer.GrainFactory.GetGrain<ILedgerGrain>($"remote-{g}");
            for (var i = 0; i < 10; i++)
            {
                await ledger.Post(i, events: 1, failInsideTransaction: false);
            }
        })));

        await Eventually.Until(() => Task.FromResult(received.Count), count => count >= 200);
        Assert.Equal(Enumerable.Range((int)start + 1, 200).Select(i => (long)i), received);
    }

    [Fact]
    public async Task Events_committed_without_a_notification_are_found_by_polling()
    {
        await using var silo = await Silos.StartAsync(postgres.Database, settings: new Dictionary<string, string?>
        {
            ["EventLog:PollInterval"] = "00:00:00.200",
        });
        var stream = new StreamId("quiet", "stream");
        var received = new ConcurrentQueue<long>();
        await using var watch = await WatchAsync(silo, stream, received);

        // Written behind the runtime's back: no NOTIFY is sent.
        await postgres.Database.ScalarAsync<int>("""
            WITH s AS (INSERT INTO event_streams VALUES ('quiet', 'stream', 2) RETURNING 1)
            INSERT INTO event_log (stream_namespace, stream_key, sequence, event_type, payload, grain_type, grain_key)
            SELECT 'quiet', 'stream', n, 'Quiet', '{}'::jsonb, 'none', 'none' FROM s, generate_series(1, 2) AS n
            RETURNING 1
            """);

        await Eventually.Until(() => Task.FromResult(received.Count), count => count >= 2);
        Assert.Equal([1L, 2L], received);
    }

    [Fact]
    public async Task The_in_memory_log_is_tailed_too()
    {
        await using var silo = await Silos.StartAsync(database: null);
        var received = new ConcurrentQueue<long>();
        await using var watch = await WatchAsync(silo, LedgerGrain.Stream, received);

        var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("local");
        for (var i = 0; i < 5; i++)
        {
            await ledger.Post(i, events: 2, failInsideTransaction: false);
        }

        await Eventually.Until(() => Task.FromResult(received.Count), count => count >= 10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), received);
    }

    private static async Task<IAsyncDisposable> WatchAsync(TestCluster silo, StreamId stream, ConcurrentQueue<long> received)
    {
        await silo.Services.GetRequiredService<IStreamProvider>().GetStream<RecordedEvent>(stream)
            .SubscribeAsync((recorded, _) =>
            {
                received.Enqueue(recorded.Sequence);
                return Task.CompletedTask;
            });
        return await silo.Services.GetRequiredService<EventLogTailer>().WatchAsync(stream, CancellationToken.None);
    }

    private static async Task<long> LastSequenceAsync(TestCluster silo, StreamId stream) =>
        (await silo.Services.GetRequiredService<IEventLog>().ReadLastSequencesAsync([stream], CancellationToken.None))[stream];
}
