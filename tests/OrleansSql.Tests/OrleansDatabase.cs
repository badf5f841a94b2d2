using Actors.Persistence.Schema;
using Actors.Persistence.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// A fresh database per test class, migrated by the project's own schema migrator, so the tests
/// see exactly the tables and OrleansQuery texts a silo would see.
/// </summary>
public sealed class OrleansDatabase : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The database is not ready yet.");

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = new SchemaMigrator(
            dataSource, SchemaScript.FromAssembly(typeof(SchemaMigrator).Assembly), NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>The stored text of one query key, as the providers read it.</summary>
    public Task<string> QueryTextAsync(string key) =>
        Database.ScalarAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1", key);
}
