using Actors.Runtime.Testing;
using Actors.Runtime.Activation;
using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>Guarantee 2: a grain is activated on first call and deactivated when idle.</summary>
public sealed class ActivationTests
{
    [Fact]
    public async Task A_grain_activates_once_on_its_first_call_however_many_calls_race()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(database: null, probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("first");
        Assert.False(silo.IsActive(grain));

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(grain.Ping)));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, probe.Count("activate first"));
        Assert.True(silo.IsActive(grain));
    }

    [Fact]
    public async Task An_idle_grain_is_deactivated_and_comes_back_on_its_next_call()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(database: null, probe, new Dictionary<string, string?>
        {
            ["Silo:IdleTimeout"] = "00:00:00.200",
            ["Silo:CollectionInterval"] = "00:00:00.100",
        });
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("sleepy");
        var first = await grain.Ping();

        await Eventually.Until(() => Task.FromResult(silo.IsActive(grain)), active => !active);

        Assert.False(silo.IsActive(grain));
        Assert.Equal(1, probe.Count("deactivate sleepy IdleTimeout"));
        Assert.NotEqual(first, await grain.Ping());
        Assert.Equal(2, probe.Count("activate sleepy"));
    }

    [Fact]
    public async Task A_busy_grain_is_not_collected_while_calls_keep_coming()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(database: null, probe, new Dictionary<string, string?>
        {
            ["Silo:IdleTimeout"] = "00:00:01",
            ["Silo:CollectionInterval"] = "00:00:00.050",
        });
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("busy");

        var ids = new HashSet<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await grain.Ping());
            await Task.Delay(20);
        }

        Assert.Single(ids);
    }

    [Fact]
    public async Task Calls_queued_behind_a_deactivation_reach_the_next_activation()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(database: null, probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("moving");
        await grain.Ping();

        var deactivation = silo.DeactivateAsync(grain);
        var pings = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Ping()));
        await deactivation;

        Assert.Equal(20, pings.Length);
        Assert.Equal(1, probe.Count("deactivate moving ApplicationRequested"));
    }

    [Fact]
    public async Task A_grain_that_fails_to_activate_fails_its_callers_and_is_retried_on_the_next_call()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(database: null, probe);
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>("broken-1");

        var failure = await Assert.ThrowsAsync<ActivationFailedException>(grain.Ping);
        Assert.Contains("cannot start", failure.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ActivationFailedException>(grain.Ping);

        Assert.Equal(2, probe.Count("activate broken-1"));
        Assert.False(silo.IsActive(grain));
    }
}
