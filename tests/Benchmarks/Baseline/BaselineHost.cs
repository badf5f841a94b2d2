using Microsoft.AspNetCore.Builder;

namespace Actors.Benchmarks.Baseline;

/// <summary>A baseline service running in this process; dispose to stop it.</summary>
public sealed class BaselineHost(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
