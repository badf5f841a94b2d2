using Actors.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Persistence.Tests;

/// <summary>
/// A client of the silo processes, wired as production wires an API node that hosts no grains
/// (<c>AddBookingSilo</c> with Cluster:HostsGrains=false): it finds the silos in the membership table.
/// </summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterClient(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterClient> StartAsync(string connectionString, TimeSpan callTimeout)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Cluster:HostsGrains"] = "false",
            ["Silo:CallTimeout"] = callTimeout.ToString(),
        });
        builder.AddBookingSilo();
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
    }
}
