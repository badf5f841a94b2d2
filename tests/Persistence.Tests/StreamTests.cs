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

/// <summary>A silo whose stream receivers poll so rarely that, within a test, only NOTIFY can wake them.</summary>
public sealed class NotifiedStreamsFixture : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["EventLog:PollInterval"] = "00:10:00",
    };
}

/// <summary>
/// Guarantee 5, delivery side: committed events are announced with pg_notify in their transaction,
/// and the "events" stream provider hands each committed event to its subscribers once, in sequence order.
/// </summary>
public sealed class StreamTests(NotifiedStreamsFixture silos) : IClassFixture<NotifiedStreamsFixture>
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
    public async Task Every_committed_event_reaches_an_implicit_subscriber_once_in_sequence_order_woken_by_notify()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            var ledger = silos.Grains.GetGrain<ILedgerGrain>($"streamed-{writer}");
            for (var value = 0; value < 10; value++)
            {
                await ledger.Post(value, events: 1);
            }
        })));
        var last = await silos.Database.ScalarAsync<long>(
            "SELECT last_sequence FROM event_streams WHERE stream_namespace = 'ledger' AND stream_key = 'shared'");

        var watcher = silos.Grains.GetGrain<ILedgerWatcherGrain>(LedgerGrain.Stream.Key);
        await Eventually.Until(watcher.Received, received => received.Count >= last, Within);

        // A repeat would arrive right behind the last event: give it the chance to.
        await Task.Delay(300);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), await watcher.Received());
    }

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
