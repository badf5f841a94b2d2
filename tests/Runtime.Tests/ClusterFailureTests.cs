using Actors.Runtime.Testing;
using System.Diagnostics;
using Actors.Runtime.Cluster;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>Guarantee 6: when a silo dies, its grains come back on live silos with nothing committed lost.</summary>
public sealed class ClusterFailureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly Dictionary<string, string?> ClientSettings = new()
    {
        ["Cluster:HostsGrains"] = "false",
        ["Cluster:HeartbeatPeriod"] = "00:00:00.250",
        ["Cluster:DeathTimeout"] = "00:00:02",
        ["Silo:CallTimeout"] = "00:00:05",
    };

    [Fact]
    public async Task Grains_of_a_killed_silo_come_back_on_the_survivor_with_every_committed_write()
    {
        await using var doomed = await SiloProcess.StartAsync(postgres.Database.ConnectionString);
        await using var survivor = await SiloProcess.StartAsync(postgres.Database.ConnectionString);
        await using var client = await Silos.StartAsync(postgres.Database, settings: ClientSettings, clustered: true);
        var membership = client.Services.GetRequiredService<ClusterMembership>();
        await Eventually.Until(() => Task.FromResult(membership.View.Silos.Length), count => count == 2);
        Assert.Equal(2, membership.View.Silos.Length);

        var counters = Enumerable.Range(0, 40).Select(i => client.GrainFactory.GetGrain<ICounterGrain>($"spread-{i}")).ToList();
        foreach (var counter in counters)
        {
            await counter.Increment();
            await counter.Increment();
        }

        var placement = client.Services.GetRequiredService<RendezvousPlacement>();
        var owners = counters.Select(c => placement.OwnerOf(c.GetGrainId())!.SiloId).Distinct().ToList();
        Assert.Equal(2, owners.Count);

        var before = membership.View.Silos;
        await doomed.KillAsync();

        // During the failure every call ends, with a result or an error: none hangs.
        var during = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(counters.Select(async c =>
        {
            try
            {
                return await c.Get();
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
            {
                return -1;
            }
        }));
        Assert.All(outcomes, value => Assert.True(value is 2 or -1));
        Assert.Contains(-1, outcomes);
        Assert.True(during.Elapsed < TimeSpan.FromSeconds(30), "Calls during the failure hung.");

        // Once the silo is declared dead, all grains answer from the survivor with their committed state.
        await Eventually.Until(() => Task.FromResult(membership.View.Silos.Length), count => count == 1);
        var values = await Eventually.Until(
            async () =>
            {
                try
                {
                    return await Task.WhenAll(counters.Select(c => c.Get()));
                }
                catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
                {
                    return [];
                }
            },
            all => all.Length == counters.Count);
        Assert.Equal(Enumerable.Repeat(2, counters.Count), values);
        var gone = Assert.Single(before.Except(membership.View.Silos));
        Assert.Equal("dead", await postgres.Database.ScalarAsync<string>("SELECT status FROM silos WHERE silo_id = $1", gone.SiloId));
    }

    [Fact]
    public async Task A_silo_that_joins_takes_over_its_share_of_grains()
    {
        await using var first = await Silos.StartAsync(postgres.Database, settings: ClientSettings.Where(s => s.Key != "Cluster:HostsGrains").ToDictionary(), clustered: true);
        var counters = Enumerable.Range(0, 30).Select(i => first.GrainFactory.GetGrain<ICounterGrain>($"join-{i}")).ToList();
        foreach (var counter in counters)
        {
            await counter.Increment();
        }

        Assert.Equal(30, first.ActivationCount);
        await using var second = await SiloProcess.StartAsync(postgres.Database.ConnectionString);
        var membership = first.Services.GetRequiredService<ClusterMembership>();
        await Eventually.Until(() => Task.FromResult(membership.View.Silos.Length), count => count == 2);

        // The grains the newcomer won are deactivated here; the next calls go to it and find their state.
        await Eventually.Until(() => Task.FromResult(first.ActivationCount), count => count < 30);
        Assert.InRange(first.ActivationCount, 1, 29);
        foreach (var counter in counters)
        {
            Assert.Equal(2, await counter.Increment());
        }
    }
}
