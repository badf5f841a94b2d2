using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activation;

/// <summary>Deactivates activations that have had no call for the idle timeout, so memory follows use.</summary>
internal sealed class IdleCollector(Catalog catalog, SiloOptions options, TimeProvider time, ILogger<IdleCollector> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(options.CollectionInterval, time);
        while (await ticker.WaitForNextTickAsync(stoppingToken))
        {
            var collected = catalog.CollectIdle(options.IdleTimeout);
            if (collected > 0)
            {
                logger.LogDebug("Deactivating {Count} idle activations", collected);
            }
        }
    }
}
