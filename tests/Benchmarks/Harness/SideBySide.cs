using Actors.Benchmarks.Baseline;
using Actors.Benchmarks.Platform;
using Actors.Persistence.Testing;
using Npgsql;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// The platform and the baseline in this process, each on Kestrel at its own loopback port, over one
/// fresh database of the benchmark's PostgreSQL (their tables apart), each with its own load generator.
/// </summary>
public sealed class SideBySide : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly PlatformHost platform;
    private readonly BaselineHost baseline;

    private SideBySide(TestDatabase database, string connectionString, PlatformHost platform, BaselineHost baseline)
    {
        this.database = database;
        this.platform = platform;
        this.baseline = baseline;
        Sql = NpgsqlDataSource.Create(connectionString);
        Platform = new BookingSite(platform.Address);
        Baseline = new BookingSite(baseline.Address);
    }

    public BookingSite Platform { get; }

    public BookingSite Baseline { get; }

    /// <summary>The scenario's database, for the figures' context (write counters) and reference loads.</summary>
    public NpgsqlDataSource Sql { get; }

    public string DatabaseName => database.Name;

    public string ConnectionString => database.ConnectionString;

    public static async Task<SideBySide> StartAsync(CancellationToken cancellationToken)
    {
        var database = await TestDatabase.CreateAsync();
        // Each side gets its own pool; 64 is room for 32 callers plus each side's background work.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 64 }.ConnectionString;
        var platform = await PlatformHost.StartAsync(connectionString, cancellationToken);
        var baseline = await BaselineServer.StartAsync(connectionString, cancellationToken);
        return new SideBySide(database, connectionString, platform, baseline);
    }

    /// <summary>Opens the same organization and property, with the same rooms, on both sides.</summary>
    public async Task OpenPropertyAsync(string org, string property, int rooms, string roomPrefix, CancellationToken cancellationToken)
    {
        foreach (var site in new[] { Platform, Baseline })
        {
            await site.OpenOrganizationAsync(org, cancellationToken);
            await site.OpenPropertyAsync(org, property, rooms, roomPrefix, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Platform.Dispose();
        Baseline.Dispose();
        await Sql.DisposeAsync();
        await platform.DisposeAsync();
        await baseline.DisposeAsync();
        await database.DisposeAsync();
    }
}
