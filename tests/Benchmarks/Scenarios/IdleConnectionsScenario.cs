using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Harness;
using Actors.Persistence.Testing;
using Npgsql;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// How many idle board connections one node holds within 1 GiB: each server runs as its own process
/// (the platform's Api co-hosting its silo; the baseline in its serving mode), N board clients connect
/// and follow a board (ten per property), and the growth of the server's resident memory per
/// connection is extrapolated to 1 GiB.
/// </summary>
public sealed class IdleConnectionsScenario : Scenario
{
    private const double GiB = 1024 * 1024 * 1024;

    // Both servers run the same GC: server GC (the web default), with gen0's budget capped so that
    // resident memory follows what connections keep rather than how much garbage gen0 may hold.
    private static readonly Dictionary<string, string> Gc = new()
    {
        ["DOTNET_gcServer"] = "1",
        ["DOTNET_GCgen0MaxBudget"] = "0x1000000",
    };

    public override string Name => "idle-connections";

    public override string Title => "Idle board connections per GiB on one node";

    public override string Unit => "connections";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string>(Gc)
        {
            ["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 30 }.ConnectionString,
        };
        var count = settings.IdleConnections;
        var context = new Dictionary<string, string>
        {
            ["connections"] = $"{count}",
            ["boardsFollowed"] = $"{count / 10}",
            ["gc"] = "server GC, DOTNET_GCgen0MaxBudget=16 MiB, on both",
        };
        var perConnection = new Dictionary<string, double>();
        var start = new (string Name, Func<Task<ServerProcess>> Start, bool Platform)[]
        {
            ("platform", () => ServerProcess.StartNodeAsync("Api", environment, "/health/ready", cancellationToken), true),
            ("baseline", () => ServerProcess.StartBaselineAsync(environment, cancellationToken), false),
        };
        foreach (var (name, startServer, platform) in start)
        {
            await using var server = await startServer();
            // The platform's boards are for members of the organization they follow.
            using var site = new BookingSite(server.Address);
            await site.OpenOrganizationAsync("idle", cancellationToken);

            // Boards follow properties that exist (the platform refuses others), ten boards a property.
            for (var property = 0; property < Math.Max(50, (count + 9) / 10); property++)
            {
                await site.OpenPropertyAsync("idle", $"p-{property}", 0, "r", cancellationToken);
            }
            // Warm up the hub's code paths, so JIT and pools are not charged to the connections.
            await using (var warm = await BoardFleet.ConnectAsync(server.Address, platform, site.AccessToken, "idle", i => $"p-{i}", 0, 50, cancellationToken))
            {
                await Task.Delay(500, cancellationToken);
            }

            var before = await SettledAsync(server, cancellationToken);
            var clock = Stopwatch.StartNew();
            await using var boards = await BoardFleet.ConnectAsync(server.Address, platform, site.AccessToken, "idle", i => $"p-{i / 10}", 0, count, cancellationToken);
            var connectSeconds = clock.Elapsed.TotalSeconds;
            var after = await SettledAsync(server, cancellationToken);
            var bytes = Math.Max(1, (double)(after - before) / count);
            perConnection[name] = bytes;
            context[$"{name}RssBeforeMiB"] = Mib(before);
            context[$"{name}RssAfterMiB"] = Mib(after);
            context[$"{name}ConnectSeconds"] = connectSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            Console.Error.WriteLine($"  {name,-8} {count:N0} connections in {connectSeconds:0.0} s: RSS {Mib(before)} -> {Mib(after)} MiB, {bytes / 1024:N1} KiB each");
        }

        var p = perConnection["platform"];
        var b = perConnection["baseline"];
        Figure[] figures =
        [
            new("idle board connections per GiB of server memory", "conn/GiB", GiB / p, GiB / b, HigherIsBetter: true,
                string.Create(CultureInfo.InvariantCulture, $"from {count:N0} connections, ten per board; each server its own process")),
            new("server memory per idle board connection", "KiB/conn", p / 1024, b / 1024, HigherIsBetter: false),
        ];
        return Result(figures, [], context);
    }

    // Resident memory once it stops moving: connections finish setting up on the server after the client returns.
    private static async Task<long> SettledAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        var last = server.ResidentBytes;
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(700, cancellationToken);
            var now = server.ResidentBytes;
            if (Math.Abs(now - last) < last / 200)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024).ToString("N0", CultureInfo.InvariantCulture);
}
