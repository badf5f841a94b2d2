using Actors.Persistence.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Silo.Hosting;

/// <summary>Says at startup where data lives, loudly when nothing survives the process.</summary>
internal sealed class PersistenceNotice(IOutboxStore store, ILogger<PersistenceNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.IsDurable)
        {
            logger.LogInformation("Grain state, events and reminders are persisted in PostgreSQL");
        }
        else
        {
            logger.LogWarning("Running with IN-MEMORY storage: nothing is persisted, all data is lost when the process stops. "
                + "Set ConnectionStrings__Postgres to persist.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
