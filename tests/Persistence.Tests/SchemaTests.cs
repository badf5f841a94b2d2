using Actors.Persistence.Hosting;
using Actors.Persistence.Schema;
using Actors.Persistence.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Persistence.Tests;

/// <summary>The schema, Orleans' query table included, is created at startup once, even when hosts start together.</summary>
public sealed class SchemaTests
{
    [Fact(Timeout = 60_000)]
    public async Task Hosts_starting_together_on_an_empty_database_migrate_it_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var scripts = SchemaScript.FromAssembly(typeof(SchemaMigrator).Assembly).ToList();
        Assert.True(scripts.Count >= 3);

        var hosts = Enumerable.Range(0, 4).Select(_ => Build(database)).ToList();
        try
        {
            // Without the migrator's lock, concurrent CREATE TABLEs and version inserts collide and some hosts fail to start.
            await Task.WhenAll(hosts.Select(h => h.StartAsync())).WaitAsync(TimeSpan.FromSeconds(45));

            Assert.Equal(scripts.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM schema_version WHERE component = 'Actors.Persistence'"));
            Assert.Equal(scripts.Max(s => s.Version), await database.ScalarAsync<int>("SELECT max(version) FROM schema_version WHERE component = 'Actors.Persistence'"));
            // The clustering provider refuses to start without these.
            Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM OrleansQuery") >= 20);

            // A restart finds nothing left to do.
            await hosts[0].StopAsync();
            using var restarted = Build(database);
            await restarted.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(scripts.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
            await restarted.StopAsync();
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            }
        }
    }

    private static IHost Build(TestDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddEventLog(new ConfigurationBuilder().Build(), database.ConnectionString);
        return builder.Build();
    }
}
