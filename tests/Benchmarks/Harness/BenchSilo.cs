using Actors.Benchmarks.Grains;
using Actors.Persistence.Hosting;
using Actors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// Orleans nodes in this process hosting the benchmark grains (<see cref="PingGrain"/>, <see cref="NoteGrain"/>):
/// a single silo on our storage (PostgreSQL or memory), or members of a cluster recorded in PostgreSQL
/// wired exactly as the Silo and Api processes are (<see cref="BookingSiloExtensions.AddBookingSilo"/>).
/// </summary>
public static class BenchSilo
{
    // Calls must not time out or be collected as idle in the middle of a window.
    private static readonly Dictionary<string, string?> Settings = new() { ["Silo:IdleTimeout"] = "01:00:00" };

    /// <summary>
    /// One silo, alone in its cluster (Orleans' localhost clustering), with the platform's storage:
    /// the outbox state facet and Orleans' providers on <paramref name="connectionString"/>'s database
    /// (its schema migrated first), or in memory when it is null. Calls go through the silo's own client.
    /// </summary>
    public static Task<BenchNode> StartAsync(string? connectionString) =>
        BenchNode.StartAsync(Settings, builder =>
        {
            builder.Services.AddEventLog(builder.Configuration, connectionString);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(FreePort(), FreePort())
                .AddBookingStorage(connectionString, builder.Configuration));
        });

    /// <summary>
    /// A member of the cluster recorded in <paramref name="connectionString"/>'s database, as the
    /// platform's processes join it: a silo hosting the grains, or (<paramref name="hostsGrains"/> false)
    /// an Orleans client that hosts none and sends every call to a silo's gateway over TCP.
    /// </summary>
    public static Task<BenchNode> JoinAsync(string connectionString, bool hostsGrains) =>
        BenchNode.StartAsync(
            new Dictionary<string, string?>(Settings)
            {
                ["ConnectionStrings:Postgres"] = connectionString,
                ["Cluster:HostsGrains"] = hostsGrains ? "true" : "false",
                ["Demo:Seed"] = "false",
            },
            builder => builder.AddBookingSilo());

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A started Orleans silo or client host in this process.</summary>
public sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost host;

    private BenchNode(IHost host) => this.host = host;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchNode> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        // Errors only, to stderr: stdout carries the table.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error);
        configure(builder);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BenchNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
