using Actors.Runtime.Activation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Testing;

/// <summary>
/// A silo in the test's own process, as Orleans' TestCluster gives: get grains, force deactivation,
/// and restart the silo over the same storage to prove what was persisted.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<SiloBuilder> configureSilo;
    private readonly Action<IServiceCollection> configureServices;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private IHost host;

    private TestCluster(IHost host, Action<SiloBuilder> configureSilo, Action<IServiceCollection> configureServices, IReadOnlyDictionary<string, string?> settings)
    {
        this.host = host;
        this.configureSilo = configureSilo;
        this.configureServices = configureServices;
        this.settings = settings;
    }

    public IServiceProvider Services => host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public int ActivationCount => Services.GetRequiredService<Catalog>().Count;

    public static async Task<TestCluster> StartAsync(
        Action<SiloBuilder> configureSilo,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        settings ??= new Dictionary<string, string?>();
        configureServices ??= static _ => { };
        return new TestCluster(await StartHostAsync(configureSilo, configureServices, settings), configureSilo, configureServices, settings);
    }

    public bool IsActive(IAddressable grain) => Services.GetRequiredService<Catalog>().IsActive(grain.GetGrainId());

    /// <summary>Deactivates one grain and waits until it is gone; its next call activates it again from storage.</summary>
    public Task DeactivateAsync(IAddressable grain) => Services.GetRequiredService<Catalog>().DeactivateAsync(grain.GetGrainId());

    public Task DeactivateAllAsync() => Services.GetRequiredService<Catalog>().DeactivateAllAsync(DeactivationReason.ApplicationRequested);

    /// <summary>Stops the silo gracefully and starts a new one with the same configuration and storage settings.</summary>
    public async Task RestartAsync()
    {
        await host.StopAsync();
        host.Dispose();
        host = await StartHostAsync(configureSilo, configureServices, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static async Task<IHost> StartHostAsync(
        Action<SiloBuilder> configureSilo, Action<IServiceCollection> configureServices, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(builder.Configuration, configureSilo);
        configureServices(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
