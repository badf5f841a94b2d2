using Actors.Benchmarks.Grains;
using Actors.Runtime;
using Actors.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Harness;

/// <summary>Starts an in-process silo hosting the benchmark grains, on PostgreSQL or on memory.</summary>
public static class BenchSilo
{
    public static Task<TestCluster> StartAsync(string? connectionString) =>
        TestCluster.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(PingGrain).Assembly);
                if (connectionString is not null)
                {
                    silo.UsePostgres(connectionString);
                }
            },
            // Calls must not time out or be collected as idle in the middle of a window.
            new Dictionary<string, string?> { ["Silo:IdleTimeout"] = "01:00:00" },
            // Errors only: the in-memory warning would land in the middle of the table.
            services => services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Error));

    /// <summary>
    /// A member of the cluster recorded in <paramref name="connectionString"/>'s database: a silo
    /// hosting the benchmark grains, or (<paramref name="hostsGrains"/> false) a client node that
    /// only routes calls to them over the silo-to-silo transport.
    /// </summary>
    public static Task<TestCluster> JoinAsync(string connectionString, bool hostsGrains) =>
        TestCluster.StartAsync(
            silo => silo.AddGrains(typeof(PingGrain).Assembly).UsePostgres(connectionString).UseClustering(),
            new Dictionary<string, string?>
            {
                ["Silo:IdleTimeout"] = "01:00:00",
                ["Cluster:HostsGrains"] = hostsGrains ? "true" : "false",
                ["Cluster:RefreshPeriod"] = "00:00:00.200",
            },
            services => services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Error));
}
