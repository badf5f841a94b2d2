using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Actors.Persistence.Tests;

/// <summary>A fresh database and a test cluster on it, shared by the tests of one class.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private InProcessTestCluster? cluster;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The database is not ready yet.");

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not ready yet.");

    public IGrainFactory Grains => Cluster.Client;

    public Probe Probe { get; } = new();

    protected virtual short Silos => 1;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        cluster = await TestSilos.StartAsync(database, Silos, Probe, Settings, ConfigureSilo);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
