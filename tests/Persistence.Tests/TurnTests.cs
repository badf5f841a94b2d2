using Actors.Persistence.TestHost;

namespace Actors.Persistence.Tests;

/// <summary>Guarantee 1: a grain runs one turn at a time unless it is marked reentrant.</summary>
public sealed class TurnTests(ClusterFixture silos) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task A_thousand_concurrent_calls_to_one_grain_never_overlap()
    {
        var grain = silos.Grains.GetGrain<ITurnGrain>("busy");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => grain.Enter(i))));

        var report = await grain.Report();
        Assert.Equal(1000, report.Completed);
        Assert.Equal(1, report.MaxInside);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_reentrant_grain_interleaves_calls_at_awaits_but_never_runs_on_two_threads_at_once()
    {
        var grain = silos.Grains.GetGrain<IReentrantGrain>("door");

        // Without reentrancy the waiters would hold the grain and Open could never run: the wait times out.
        var waiters = Enumerable.Range(0, 50).Select(_ => grain.WaitForOpen()).ToList();
        await grain.Open();
        var overlapped = await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.All(overlapped, Assert.False);
    }
}
