using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Tests;

/// <summary>The domain cluster on a clock the test can move forward.</summary>
public sealed class ClockedCluster : DomainCluster
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
