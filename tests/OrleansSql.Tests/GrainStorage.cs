using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// Orleans' AdoNetGrainStorage resolved from a silo host configured with AddAdoNetGrainStorage and
/// the System.Text.Json storage serializer, started through its lifecycle step, without a silo.
/// </summary>
public sealed class GrainStorage : IAsyncDisposable
{
    private readonly IHost host;

    private GrainStorage(IHost host, IGrainStorage storage)
    {
        this.host = host;
        Storage = storage;
    }

    public IGrainStorage Storage { get; }

    public static async Task<GrainStorage> StartAsync(string connectionString, string serviceId, Action<AdoNetGrainStorageOptions>? configure = null)
    {
        var host = SiloHost.Build(connectionString, $"cluster-{Guid.NewGuid():N}", serviceId, configure);
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(SiloHost.StorageName);
        await ProviderLifecycle.StartAsync((ILifecycleParticipant<ISiloLifecycle>)storage);
        return new GrainStorage(host, storage);
    }

    public ValueTask DisposeAsync()
    {
        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
