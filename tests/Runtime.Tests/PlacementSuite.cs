using Actors.Runtime.Testing;
using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>
/// The same grain behaviour, whether the caller's silo hosts the grain or the call crosses to
/// another silo over the transport: results, ordering, exceptions and timeouts are identical.
/// </summary>
public abstract class PlacementSuite(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Silo:CallTimeout"] = "00:00:02" };

    /// <summary>True when every call must cross from a client node to the silo that hosts the grains.</summary>
    protected abstract bool Remote { get; }

    [Fact]
    public async Task Persisted_state_is_the_same_through_any_silo()
    {
        await using var placement = await StartAsync();
        var counter = placement.Caller.GrainFactory.GetGrain<ICounterGrain>($"state-{Remote}");
        for (var i = 0; i < 10; i++)
        {
            await counter.Increment();
        }

        await placement.Host.DeactivateAllAsync();
        Assert.Equal(10, await counter.Get());
    }

    [Fact]
    public async Task Concurrent_calls_never_overlap_and_one_callers_calls_keep_their_order()
    {
        await using var placement = await StartAsync();
        var grain = placement.Caller.GrainFactory.GetGrain<ITurnGrain>($"turns-{Remote}");

        await Task.WhenAll(Enumerable.Range(0, 300).Select(grain.Enter));

        var report = await grain.Report();
        Assert.Equal(300, report.Completed);
        Assert.Equal(1, report.MaxInside);
        Assert.Equal(Enumerable.Range(0, 300), report.Order);
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_caller_as_its_own_type_with_its_data()
    {
        await using var placement = await StartAsync();
        var counter = placement.Caller.GrainFactory.GetGrain<ICounterGrain>($"refusing-{Remote}");
        await counter.Set(41);

        var refused = await Assert.ThrowsAsync<CounterRefusedException>(() => counter.Refuse("closed for the night"));

        Assert.Equal("closed for the night", refused.Reason);
        Assert.Equal(41, refused.Value);
        Assert.Equal("Refused at 41: closed for the night", refused.Message);
    }

    [Fact]
    public async Task A_call_past_the_timeout_fails_with_TimeoutException()
    {
        await using var placement = await StartAsync();
        var grain = placement.Caller.GrainFactory.GetGrain<ILifecycleGrain>($"stalling-{Remote}");

        await Assert.ThrowsAsync<TimeoutException>(() => grain.Stall(TimeSpan.FromSeconds(10)));
    }

    private async Task<Placement> StartAsync()
    {
        var host = await Silos.StartAsync(postgres.Database, settings: Settings, clustered: true);
        if (!Remote)
        {
            return new Placement(host, host);
        }

        var client = await Silos.StartAsync(
            postgres.Database,
            settings: new Dictionary<string, string?>(Settings) { ["Cluster:HostsGrains"] = "false" },
            clustered: true);
        return new Placement(client, host);
    }

    private sealed record Placement(TestCluster Caller, TestCluster Host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Caller != Host)
            {
                await Caller.DisposeAsync();
            }

            await Host.DisposeAsync();
        }
    }
}

public sealed class LocalPlacementTests(PostgresFixture postgres) : PlacementSuite(postgres)
{
    protected override bool Remote => false;
}

public sealed class RemotePlacementTests(PostgresFixture postgres) : PlacementSuite(postgres)
{
    protected override bool Remote => true;
}
