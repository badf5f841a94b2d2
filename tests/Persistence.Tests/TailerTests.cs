using System.Collections.Concurrent;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Tests;

/// <summary>A silo whose log tailer polls so rarely that, within a test, only NOTIFY can wake it.</summary>
public sealed class NotifiedTailerFixture : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["EventLog:PollInterval"] = "00:10:00",
    };
}

/// <summary>
/// Guarantee 5, delivery side: committed events are announced with pg_notify in their transaction,
/// and the event log tailer hands each committed event to its watchers once, in sequence order.
/// </summary>
public sealed class TailerTests(NotifiedTailerFixture silos) : IClassFixture<NotifiedTailerFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task A_committed_write_notifies_its_stream_and_a_refused_one_does_not()
    {
        await using var listener = new NpgsqlConnection(silos.Database.ConnectionString);
        await listener.OpenAsync();
        var notified = new ConcurrentQueue<string>();
        listener.Notification += (_, n) => notified.Enqueue(n.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN event_log", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var ledger = silos.Grains.GetGrain<ILedgerGrain>("announced");
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.Post(1, events: 2, failInsideTransaction: true));
        using (var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await WaitQuietly(listener, quiet.Token);
        }

        Assert.Empty(notified);

        await ledger.Post(2, events: 2);
        using (var deadline = new CancellationTokenSource(Within))
        {
            await WaitQuietly(listener, deadline.Token, until: () => !notified.IsEmpty);
        }

        Assert.Equal($"{LedgerGrain.Stream.Namespace}\n{LedgerGrain.Stream.Key}", Assert.Single(notified));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_tailer_delivers_every_committed_event_once_in_sequence_order_woken_by_notify()
    {
        var services = silos.Cluster.GetSiloServiceProvider();
        var received = new ConcurrentQueue<long>();
        await using var watch = await services.GetRequiredService<EventLogTailer>().WatchAsync(LedgerGrain.Stream, Record(received), CancellationToken.None);
        var start = (await services.GetRequiredService<IEventLog>().ReadLastSequencesAsync([LedgerGrain.Stream], CancellationToken.None))[LedgerGrain.Stream];

        await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            var ledger = silos.Grains.GetGrain<ILedgerGrain>($"tailed-{writer}");
            for (var value = 0; value < 10; value++)
            {
                await ledger.Post(value, events: 1);
            }
        })));

        await Eventually.Until(() => Task.FromResult(received.Count), count => count >= 200, Within);
        // A duplicate would arrive right behind the last event: give it the chance to.
        await Task.Delay(300);
        Assert.Equal(Enumerable.Range((int)start + 1, 200).Select(i => (long)i), received);
    }

    [Fact(Timeout = 60_000)]
    public async Task Events_committed_without_a_notification_are_found_by_polling()
    {
        await using var dataSource = NpgsqlDataSource.Create(silos.Database.ConnectionString);
        // A tailer of its own with no listener: polling is all it has.
        using var tailer = new EventLogTailer(
            new PostgresOutboxStore(dataSource),
            new EventLogSignal(),
            Options.Create(new EventLogOptions { PollInterval = TimeSpan.FromMilliseconds(200) }),
            NullLogger<EventLogTailer>.Instance);
        await tailer.StartAsync(CancellationToken.None);
        var stream = new EventStream("quiet", "stream");
        var received = new ConcurrentQueue<long>();
        await using var watch = await tailer.WatchAsync(stream, Record(received), CancellationToken.None);

        // Written behind the outbox's back: no NOTIFY is sent.
        await silos.Database.ExecuteAsync("""
            WITH s AS (INSERT INTO event_streams VALUES ('quiet', 'stream', 2) RETURNING 1)
            INSERT INTO event_log (stream_namespace, stream_key, sequence, event_type, payload, grain_type, grain_key)
            SELECT 'quiet', 'stream', n, 'Quiet', '{}'::jsonb, 'none', 'none' FROM s, generate_series(1, 2) AS n
            """);

        await Eventually.Until(() => Task.FromResult(received.Count), count => count >= 2, Within);
        await tailer.StopAsync(CancellationToken.None);
        Assert.Equal([1L, 2L], received);
    }

    private static Func<RecordedEvent, Task> Record(ConcurrentQueue<long> received) => recorded =>
    {
        received.Enqueue(recorded.Sequence);
        return Task.CompletedTask;
    };

    // Receives notifications until the token ends the wait or the condition holds.
    private static async Task WaitQuietly(NpgsqlConnection connection, CancellationToken cancellationToken, Func<bool>? until = null)
    {
        try
        {
            while (until?.Invoke() != true)
            {
                await connection.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
