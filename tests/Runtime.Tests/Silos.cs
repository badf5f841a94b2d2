using Actors.Runtime.Testing;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>Starts test silos hosting the test grains, on PostgreSQL or on memory.</summary>
internal static class Silos
{
    public static Task<TestCluster> StartAsync(
        TestDatabase? database, Probe? probe = null, IReadOnlyDictionary<string, string?>? settings = null, bool clustered = false) =>
        TestCluster.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(CounterGrain).Assembly);
                if (database is not null)
                {
                    silo.UsePostgres(database.ConnectionString);
                }

                if (clustered)
                {
                    silo.UseClustering();
                }
            },
            settings,
            services => services.AddSingleton(probe ?? new Probe()));
}
