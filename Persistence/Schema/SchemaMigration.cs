using Microsoft.Extensions.Hosting;

namespace Actors.Persistence.Schema;

/// <summary>Migrates the schema when the host starts, before the silo or client that needs it.</summary>
internal sealed class SchemaMigration(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
