using Actors.Persistence.Hosting;
using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Actors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Actors.Persistence.Tests;

/// <summary>
/// Starts an <see cref="InProcessTestCluster"/> hosting the test grains with the production storage
/// wiring (<c>AddBookingStorage</c>, <c>AddEventLog</c>) on a test database.
/// </summary>
internal static class TestSilos
{
    /// <summary>What every grain call of a test may take at most, so a stuck call fails the test instead of hanging it.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public static async Task<InProcessTestCluster> StartAsync(
        TestDatabase database,
        short silos = 1,
        Probe? probe = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<ISiloBuilder>? configureSilo = null,
        string serviceId = "persistence-tests",
        string? clusterId = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Silo:CallTimeout"] = CallTimeout.ToString() })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        probe ??= new Probe();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = clusterId ?? InProcessTestClusterBuilder.CreateClusterId();
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddEventLog(configuration, database.ConnectionString);
            host.Services.AddSingleton(probe);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddBookingStorage(database.ConnectionString, configuration);
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }
}
