using Actors.Grains;
using Actors.Runtime;
using Actors.Silo.Product;
using Actors.Silo.StartupTasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Silo;

public static class BookingSiloExtensions
{
    /// <summary>
    /// Hosts the booking grains. With a "Postgres" connection string everything persists in
    /// PostgreSQL and the silo joins the cluster recorded there (a cluster of one is fine);
    /// without one it runs alone on memory, says so at startup, and seeds a demo property.
    /// </summary>
    public static IServiceCollection AddBookingSilo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSilo(configuration, silo =>
        {
            silo.AddBookingGrains();
            if (configuration.GetConnectionString("Postgres") is { Length: > 0 } connectionString)
            {
                silo.UsePostgres(connectionString).UseClustering();
            }
        });
        services.AddOptions<ProductOptions>()
            .Bind(configuration.GetSection("Product"))
            .PostConfigure(product => product.UnitKinds = product.UnitKinds.Count == 0 ? ProductOptions.DefaultUnitKinds : product.UnitKinds);
        services.AddHostedService<SeedDemoPropertyTask>();
        return services;
    }
}
