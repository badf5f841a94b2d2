using Actors.Grains;
using Actors.Persistence.Hosting;
using Actors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Grains.Tests;

/// <summary>
/// Starts an in-process Orleans test cluster hosting the booking grains the way the silo does:
/// the event log and outbox state on PostgreSQL (or in memory when no connection string is given),
/// Orleans' grain storage and reminders beside them.
/// </summary>
public static class BookingTestCluster
{
    /// <param name="connectionString">The test database, or null for the in-memory stores.</param>
    /// <param name="serviceId">Keep it across restarts on one database: Orleans keys reminders and grain storage by it.</param>
    /// <param name="settings">Configuration the silo reads ("Bookings:HoldTimeout" and the like).</param>
    /// <param name="configureServices">The test's service overrides, such as the clock.</param>
    /// <param name="clusterId">A cluster of its own; two clusters never see each other's activations.</param>
    public static async Task<InProcessTestCluster> StartAsync(
        string? connectionString,
        string serviceId,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null,
        string? clusterId = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = clusterId ?? InProcessTestClusterBuilder.CreateClusterId();
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddEventLog(host.Configuration, connectionString).AddBookingGrains();
            configureServices?.Invoke(host.Services);
        });
        builder.ConfigureSilo((_, silo) => silo.AddBookingStorage(connectionString, silo.Configuration));

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }
}
