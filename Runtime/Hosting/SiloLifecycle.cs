using Actors.Runtime.Activation;
using Actors.Runtime.Persistence;
using Actors.Runtime.Persistence.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime;

/// <summary>Starts a silo (schema first) and stops it (every activation deactivated, so OnDeactivateAsync runs).</summary>
internal sealed class SiloLifecycle(IServiceProvider services, IGrainStorage storage, Catalog catalog, ILogger<SiloLifecycle> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<SchemaMigrator>() is { } migrator)
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        if (storage.IsDurable)
        {
            logger.LogInformation("Silo started; grain state is persisted in PostgreSQL");
        }
        else
        {
            logger.LogWarning("Silo started with IN-MEMORY storage: nothing is persisted, all data is lost when the process stops. "
                + "Set ConnectionStrings__Postgres to persist.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown).WaitAsync(cancellationToken);
}
