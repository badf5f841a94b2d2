using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Actors.OrleansSql.Tests;

/// <summary>Orleans' own ADO.NET membership classes, pointed at a test database.</summary>
public static class Membership
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    public static async Task<AdoNetClusteringTable> TableAsync(string connectionString, string clusterId, bool tryInitTableVersion = true)
    {
        var table = new AdoNetClusteringTable(
            NoServices,
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "orleans-sql-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = SiloHost.Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion);
        return table;
    }

    public static async Task<IList<Uri>> GatewaysAsync(string connectionString, string clusterId)
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            NoServices,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = SiloHost.Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "orleans-sql-tests" }));
        await provider.InitializeGatewayListProviderAsync();
        return await provider.GetGatewaysAsync();
    }

    /// <summary>A silo row as a silo writes it when it joins; times to the millisecond, as PostgreSQL keeps microseconds.</summary>
    public static MembershipEntry Silo(int port, SiloStatus status = SiloStatus.Joining, int generation = 1, int proxyPort = 0, DateTime? iAmAlive = null, DateTime? start = null)
    {
        var now = Millis(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = proxyPort,
            StartTime = start ?? now,
            IAmAliveTime = iAmAlive ?? now,
        };
    }

    public static DateTime Millis(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
