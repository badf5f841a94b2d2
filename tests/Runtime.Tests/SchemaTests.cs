using Actors.Runtime.Testing;

namespace Actors.Runtime.Tests;

/// <summary>The schema is created at startup, idempotently, with a recorded version, even when silos start together.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Silos_starting_together_on_an_empty_database_migrate_it_once()
    {
        await using var database = await TestDatabase.CreateAsync();

        var silos = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Silos.StartAsync(database)));
        foreach (var silo in silos)
        {
            await silo.RestartAsync();
        }

        var scripts = Persistence.Postgres.SchemaScript.FromAssembly(typeof(Grain).Assembly).Count();
        Assert.True(scripts >= 2);
        Assert.Equal(scripts, await database.ScalarAsync<long>("SELECT count(*) FROM schema_version WHERE component = 'Actors.Runtime'"));
        Assert.Equal(scripts, await database.ScalarAsync<int>("SELECT max(version) FROM schema_version WHERE component = 'Actors.Runtime'"));
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }
}
