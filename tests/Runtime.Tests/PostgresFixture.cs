using Actors.Runtime.Testing;

namespace Actors.Runtime.Tests;

/// <summary>A fresh database per test class, dropped when the class is done.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("The database is not ready yet.");

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
