using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>Guarantee 1: a grain runs one turn at a time unless reentrant; calls queue in order.</summary>
public sealed class TurnTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_to_one_grain_never_overlap()
    {
        await using var silo = await Silos.StartAsync(database: null);
        var grain = silo.GrainFactory.GetGrain<ITurnGrain>("busy");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => grain.Enter(i))));

        var report = await grain.Report();
        Assert.Equal(1000, report.Completed);
        Assert.Equal(1, report.MaxInside);
    }

    [Fact]
    public async Task Calls_from_one_caller_run_in_the_order_they_were_made()
    {
        await using var silo = await Silos.StartAsync(database: null);
        var grain = silo.GrainFactory.GetGrain<ITurnGrain>("ordered");

        var calls = Enumerable.Range(0, 200).Select(grain.Enter).ToList();
        await Task.WhenAll(calls);

        var report = await grain.Report();
        Assert.Equal(Enumerable.Range(0, 200), report.Order);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_calls_but_never_runs_two_threads_at_once()
    {
        await using var silo = await Silos.StartAsync(database: null);
        var grain = silo.GrainFactory.GetGrain<IReentrantGrain>("door");

        // Without reentrancy the waiters would hold the grain and Open could never run.
        var waiters = Enumerable.Range(0, 50).Select(_ => grain.WaitForOpen()).ToList();
        await grain.Open();
        var overlapped = await Task.WhenAll(waiters);

        Assert.All(overlapped, Assert.False);
    }

    [Fact]
    public async Task A_call_that_outlives_the_call_timeout_fails_instead_of_hanging()
    {
        await using var silo = await Silos.StartAsync(
            database: null,
            settings: new Dictionary<string, string?> { ["Silo:CallTimeout"] = "00:00:00.300" });
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("slow");

        await Assert.ThrowsAsync<TimeoutException>(() => grain.Stall(TimeSpan.FromSeconds(5)));
    }
}
