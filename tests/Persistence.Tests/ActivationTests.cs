using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Actors.Persistence.Tests;

/// <summary>Two silos that collect grains idle for two seconds (the production "Silo:IdleTimeout" setting).</summary>
public sealed class ShortIdleFixture : ClusterFixture
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);

    protected override short Silos => 2;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Silo:IdleTimeout"] = IdleTimeout.ToString(),
    };

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.FromMilliseconds(500));
}

/// <summary>Guarantee 2: a grain is activated on first call, anywhere in the cluster, and deactivated when idle.</summary>
public sealed class ActivationTests(ShortIdleFixture silos) : IClassFixture<ShortIdleFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task A_grain_activates_once_in_the_cluster_however_many_first_calls_race()
    {
        var grain = silos.Grains.GetGrain<ILifecycleGrain>("first");
        Assert.False(silos.Cluster.TryGetGrainContext(grain.GetGrainId(), out _));

        var activations = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(grain.Ping)));

        Assert.Single(activations.Distinct());
        Assert.Equal(1, silos.Probe.Count("activate first"));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_idle_grain_is_deactivated_and_comes_back_with_its_state_on_its_next_call()
    {
        var ledger = silos.Grains.GetGrain<ILedgerGrain>("sleepy");
        var counter = silos.Grains.GetGrain<ICounterGrain>("sleepy");
        await ledger.Post(5, events: 1);
        await counter.Set(7);
        var ledgerBefore = (await ledger.Where()).Activation;
        var counterBefore = (await counter.Where()).Activation;

        await Eventually.Until(
            () => Task.FromResult(IsActive(ledger) || IsActive(counter)),
            active => !active,
            ShortIdleFixture.IdleTimeout * 10);

        Assert.Equal(5, await ledger.Value());
        Assert.Equal(7, await counter.Get());
        Assert.NotEqual(ledgerBefore, (await ledger.Where()).Activation);
        Assert.NotEqual(counterBefore, (await counter.Where()).Activation);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_grain_that_keeps_getting_calls_is_not_collected()
    {
        var grain = silos.Grains.GetGrain<ILifecycleGrain>("busy");

        var activations = new HashSet<Guid>();
        var until = DateTime.UtcNow + ShortIdleFixture.IdleTimeout * 2;
        while (DateTime.UtcNow < until)
        {
            activations.Add(await grain.Ping());
            await Task.Delay(200);
        }

        Assert.Single(activations);
        Assert.Equal(1, silos.Probe.Count("activate busy"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_grain_that_fails_to_activate_fails_its_caller_and_is_tried_again_on_the_next_call()
    {
        var grain = silos.Grains.GetGrain<ILifecycleGrain>("broken-1");

        var failure = await Assert.ThrowsAnyAsync<Exception>(grain.Ping);
        Assert.Contains("cannot start", failure.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(grain.Ping);

        Assert.Equal(2, silos.Probe.Count("activate broken-1"));
        Assert.False(IsActive(grain));
    }

    private bool IsActive(IAddressable grain) => silos.Cluster.TryGetGrainContext(grain.GetGrainId(), out _);
}
