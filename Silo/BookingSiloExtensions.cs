using Actors.Grains;
using Actors.Runtime;
using Actors.Silo.StartupTasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Silo;

public static class BookingSiloExtensions
{
    /// <summary>
    /// Hosts the booking grains. With a "Postgres" connection string everything persists in
    /// PostgreSQL; without one the silo runs on memory, says so at startup, and seeds a demo property.
    /// </summary>
    public static IServiceCollection AddBookingSilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSilo(configuration, silo =>
        {
            silo.AddBookingGrains();
            if (configuration.GetConnectionString("Postgres") is { Length: > 0 } connectionString)
            {
                silo.UsePostgres(connectionString);
            }
        });
        services.AddHostedService<SeedDemoPropertyTask>();
        return services;
    }
}
