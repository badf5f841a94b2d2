using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;

namespace Actors.Persistence.Tests;

/// <summary>Stream positions are durable: a queue's next owner resumes after what was delivered, not from the first event.</summary>
public sealed class StreamResumeTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_new_cluster_resumes_each_stream_after_its_delivered_position()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var first = await TestSilos.StartAsync(database))
        {
            var ledger = first.Client.GetGrain<ILedgerGrain>("resumed");
            for (var value = 1; value <= 5; value++)
            {
                await ledger.PostTo("resume", value);
            }

            await Eventually.Until(first.Client.GetGrain<ILedgerWatcherGrain>("resume").Received, r => r.Count >= 5);
            await Eventually.Until(
                () => database.ScalarAsync<long>("SELECT coalesce(max(delivered), 0) FROM stream_positions WHERE provider = 'events' AND stream_key = 'resume'"),
                delivered => delivered == 5);
        }

        await using var second = await TestSilos.StartAsync(database);
        await second.Client.GetGrain<ILedgerGrain>("resumed").PostTo("resume", 6);
        var watcher = second.Client.GetGrain<ILedgerWatcherGrain>("resume");
        await Eventually.Until(watcher.Received, r => r.Count >= 1);
        await Task.Delay(300);
        Assert.Equal([6L], await watcher.Received());
    }
}
