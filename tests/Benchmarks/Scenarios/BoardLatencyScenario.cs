using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Harness;
using Npgsql;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// Commit-to-board latency with 1,000 board clients connected to one node, all following the property
/// being booked, while bookings arrive at a steady 20 per second (a busy hotel group, not a
/// saturated server: latency under saturation would only measure the queue).
/// <para>
/// Measured from the event's RecordedAt to each client's receipt. RecordedAt is PostgreSQL's now() in
/// the committing transaction (the same column default on both sides), and server and clients share
/// this machine's clock, so this covers commit, wake-up (LISTEN/NOTIFY or the poll) and fan-out. The
/// time from the booking's HTTP response to receipt is kept too (negative when the event wins the race).
/// </para>
/// </summary>
public sealed class BoardLatencyScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "board";
    private const double BookingsPerSecond = 20;

    public override string Name => "board-latency";

    public override string Title => "Commit-to-board event latency, many clients on one node";

    public override string Unit => "events";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var sides = await SideBySide.StartAsync(cancellationToken);
        await sides.OpenPropertyAsync(Org, Property, settings.Rooms, "r", cancellationToken);
        var clients = settings.BoardClients;
        var rounds = settings.Quick ? 2 : 3;
        var perRound = settings.Quick ? 10 : 40;

        // Follow from the current end: the replay of how the property was set up is not what is measured.
        var connected = Stopwatch.StartNew();
        await using var platformBoards = await BoardFleet.ConnectAsync(
            sides.Platform.Address, platform: true, sides.Platform.AccessToken, Org, _ => Property, await ScalarAsync(sides.Sql, "SELECT coalesce(max(last_sequence), 0) FROM event_streams WHERE stream_namespace = 'property' AND stream_key = 'bench/board'", cancellationToken), clients, cancellationToken);
        await using var baselineBoards = await BoardFleet.ConnectAsync(
            sides.Baseline.Address, platform: false, accessToken: null, Org, _ => Property, await ScalarAsync(sides.Sql, "SELECT coalesce(max(last_sequence), 0) FROM bl_properties WHERE org = 'bench' AND id = 'board'", cancellationToken), clients, cancellationToken);
        Console.Error.WriteLine($"  {clients:N0} board clients per side connected in {connected.Elapsed.TotalSeconds:0.0} s");

        var targets = new[]
        {
            new Side("baseline", sides.Baseline, baselineBoards, StayCursor.ManyRooms("baseline", settings.Rooms)),
            new Side("platform", sides.Platform, platformBoards, StayCursor.ManyRooms("platform", settings.Rooms)),
        };

        // Warm-up: one booking each, until every client has it (JIT, pools, the first follow's setup).
        foreach (var side in targets)
        {
            await BookAsync(side, cancellationToken);
            if (!await side.Boards.WaitForAsync(1, TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new InvalidOperationException($"{side.Name}: not every board client got the warm-up event.");
            }

            side.Boards.Clear();
            side.Responded.Clear();
        }

        // Cores this process (servers and clients) and PostgreSQL used while each side's events flowed.
        var cpu = targets.ToDictionary(t => t.Name, _ => (Process: 0.0, Postgres: 0.0, Seconds: 0.0));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in targets)
            {
                var window = CpuUsage.Start();
                var clock = Stopwatch.StartNew();
                await PacedAsync(side, perRound, cancellationToken);
                // Let the last events land before the other side's bookings start.
                await side.Boards.WaitForAsync(side.Responded.Count, TimeSpan.FromSeconds(5), cancellationToken);
                var used = window.Stop();
                var seconds = clock.Elapsed.TotalSeconds;
                var sum = cpu[side.Name];
                cpu[side.Name] = (sum.Process + (used.ProcessCores * seconds), sum.Postgres + ((used.PostgresCores ?? 0) * seconds), sum.Seconds + seconds);
            }
        }

        var expected = rounds * perRound;
        var figures = new List<Figure>();
        var context = new Dictionary<string, string>
        {
            ["clients"] = $"{clients}",
            ["bookings"] = $"{expected}",
            ["bookingsPerSecond"] = $"{BookingsPerSecond}",
            ["baselinePollInterval"] = "100 ms",
            ["measuredFrom"] = "event RecordedAt (PostgreSQL now() of the committing transaction) to the client's receipt, one clock",
        };
        var stats = new Dictionary<string, (double P50, double P95, double P99, long Delivered)>();
        var fromResponseP95 = new Dictionary<string, double>();
        foreach (var side in targets)
        {
            await side.Boards.WaitForAsync(expected, TimeSpan.FromSeconds(15), cancellationToken);
            var receipts = side.Boards.Receipts().ToList();
            var fromCommit = receipts.Select(r => (r.ReceivedAt - r.RecordedAt).TotalMilliseconds).ToArray();
            var fromResponse = receipts
                .Where(r => side.Responded.ContainsKey(r.BookingId))
                .Select(r => Stopwatch.GetElapsedTime(side.Responded[r.BookingId], r.ReceivedTimestamp).TotalMilliseconds)
                .ToArray();
            var commit = Percentiles(fromCommit);
            var response = Percentiles(fromResponse);
            stats[side.Name] = (commit.P50, commit.P95, commit.P99, receipts.Count);
            fromResponseP95[side.Name] = response.P95;
            context[$"{side.Name}Delivered"] = $"{receipts.Count} of {(long)expected * clients}";
            context[$"{side.Name}Cores"] = string.Create(CultureInfo.InvariantCulture, $"process {cpu[side.Name].Process / cpu[side.Name].Seconds:0.00}, PostgreSQL {cpu[side.Name].Postgres / cpu[side.Name].Seconds:0.00}");
            context[$"{side.Name}FromCommitMs"] = Format(commit);
            context[$"{side.Name}FromHttpResponseMs"] = Format(response);
            Console.Error.WriteLine($"  {side.Name,-8} delivered {receipts.Count:N0} of {(long)expected * clients:N0}; ms from commit {Format(commit)}; from HTTP response {Format(response)}");
        }

        var p = stats["platform"];
        var b = stats["baseline"];
        var delivered = string.Create(CultureInfo.InvariantCulture, $"delivered: platform {p.Delivered:N0}, baseline {b.Delivered:N0} of {(long)expected * clients:N0}");
        figures.Add(new($"board event p50, commit to client, {clients:N0} clients", "ms", p.P50, b.P50, HigherIsBetter: false, "baseline polls every 100 ms"));
        figures.Add(new("board event p95, commit to client", "ms", p.P95, b.P95, HigherIsBetter: false,
            $"cores used while events flowed (servers + clients, PostgreSQL): platform {context["platformCores"]}; baseline {context["baselineCores"]}"));
        figures.Add(new("board event p99, commit to client", "ms", p.P99, b.P99, HigherIsBetter: false, delivered));
        figures.Add(new("board event p95, booking's HTTP response to client", "ms", fromResponseP95["platform"], fromResponseP95["baseline"], HigherIsBetter: false,
            "from the moment the booking's caller has its answer"));

        // Core time of this process (servers and the clients alike) while the events flowed, per event delivered to one client.
        double CpuPerDelivery(string side) => cpu[side].Process * 1e6 / ((double)expected * clients);
        figures.Add(new("CPU per board event delivered (servers + clients)", "us", CpuPerDelivery("platform"), CpuPerDelivery("baseline"), HigherIsBetter: false,
            "process core time while events flowed / events delivered"));
        return Result(figures, [], context);
    }

    private static async Task PacedAsync(Side side, int count, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var bookings = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / BookingsPerSecond);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            bookings.Add(BookAsync(side, cancellationToken));
        }

        await Task.WhenAll(bookings);
    }

    private static async Task BookAsync(Side side, CancellationToken cancellationToken)
    {
        var (room, checkIn, key) = side.Cursor.Next();
        var id = await side.Site.BookForIdAsync(Org, Property, $"r{room}", checkIn, 1, key, cancellationToken)
            ?? throw new InvalidOperationException($"{side.Name}: a booking for the board was refused.");
        side.Responded[id] = Stopwatch.GetTimestamp();
    }

    private static (double P50, double P95, double P99) Percentiles(double[] values)
    {
        if (values.Length == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(values);
        double At(double p) => Math.Round(values[Math.Max(0, (int)Math.Ceiling(p / 100 * values.Length) - 1)], 2);
        return (At(50), At(95), At(99));
    }

    private static string Format((double P50, double P95, double P99) p) =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {p.P50:0.0}, p95 {p.P95:0.0}, p99 {p.P99:0.0}");

    private static async Task<long> ScalarAsync(NpgsqlDataSource sql, string text, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(text);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private sealed record Side(string Name, BookingSite Site, BoardFleet Boards, StayCursor Cursor)
    {
        public ConcurrentDictionary<string, long> Responded { get; } = new();
    }
}
