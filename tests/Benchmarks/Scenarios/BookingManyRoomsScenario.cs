using System.Globalization;
using System.Net;
using Actors.Benchmarks.Harness;
using Npgsql;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// Booking commits per second over HTTP across a 200-room property, 32 clients, every booking a
/// success; next to the baseline, and next to the most the database can commit: single-row inserts
/// into a stays table with the same exclusion constraint, from the same number of callers.
/// </summary>
public sealed class BookingManyRoomsScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "hotel";
    private const string CeilingTable = "ceiling_stays";

    public override string Name => "booking-many-rooms";

    public override string Title => "Booking commits over HTTP, many rooms";

    public override string Unit => "bookings";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var sides = await SideBySide.StartAsync(cancellationToken);
        await sides.OpenPropertyAsync(Org, Property, settings.Rooms, "r", cancellationToken);
        var clients = settings.HttpClients;
        var platformCursor = StayCursor.ManyRooms("platform", settings.Rooms);
        var baselineCursor = StayCursor.ManyRooms("baseline", settings.Rooms);
        var platformOutcomes = new Outcomes();
        var baselineOutcomes = new Outcomes();
        var baseline = $"baseline: hold, {clients} clients";
        var platform = $"platform: hold, {clients} clients";
        var ceiling = $"PostgreSQL: INSERT 1 stay row, {clients} callers";
        long ceilingNext = -1;
        Load[] loads =
        [
            new(baseline, clients, BookingLoads.Hold(_ => sides.Baseline, Org, Property, "r", baselineCursor, baselineOutcomes), Warmup: settings.BookingWarmup),
            new(platform, clients, BookingLoads.Hold(_ => sides.Platform, Org, Property, "r", platformCursor, platformOutcomes), Versus: baseline, Warmup: settings.BookingWarmup),
            new(ceiling, clients, _ => ct => InsertStayAsync(sides.Sql, Interlocked.Increment(ref ceilingNext), ct), Versus: baseline,
                Prepare: ct => ExecuteAsync(sides.Sql, CeilingSchema(CeilingTable), ct)),
        ];
        var rows = await MeasureAsync(loads, settings, cancellationToken);

        var probe = settings.Quick ? 100 : 300;
        var platformWrites = await BookingLoads.WritesPerBookingAsync(sides.Sql, sides.Platform, Org, Property, "r", platformCursor, probe, cancellationToken);
        var baselineWrites = await BookingLoads.WritesPerBookingAsync(sides.Sql, sides.Baseline, Org, Property, "r", baselineCursor, probe, cancellationToken);
        var pgbench = await PgBench.InsertStaysAsync(sides.ConnectionString, clients, settings.Measure, cancellationToken);

        var p = Of(rows, platform);
        var b = Of(rows, baseline);
        var c = Of(rows, ceiling);
        var platformRate = p.PerSecond * platformOutcomes.ShareOf(HttpStatusCode.Created);
        var baselineRate = b.PerSecond * baselineOutcomes.ShareOf(HttpStatusCode.Created);
        var pgbenchNote = pgbench is { } tps ? string.Create(CultureInfo.InvariantCulture, $"; pgbench (C client): {tps:N0}/s") : "; pgbench not found";
        Figure[] figures =
        [
            new($"booking commits/s, {settings.Rooms} rooms, {clients} clients", "/s", platformRate, baselineRate, HigherIsBetter: true,
                string.Create(CultureInfo.InvariantCulture, $"of the PostgreSQL ceiling: platform {100 * platformRate / c.PerSecond:0.#}%, baseline {100 * baselineRate / c.PerSecond:0.#}%")),
            new("booking p50 (same load)", "ms", p.Latency.P50 / 1000, b.Latency.P50 / 1000, HigherIsBetter: false),
            new("booking p99 (same load)", "ms", p.Latency.P99 / 1000, b.Latency.P99 / 1000, HigherIsBetter: false),
            new("writing transactions per booking", "tx", platformWrites.Transactions, baselineWrites.Transactions, HigherIsBetter: false,
                string.Create(CultureInfo.InvariantCulture, $"platform: {platformWrites.ReminderTransactions:0.00} of them Orleans' reminder registration, its own transaction; WAL bytes per booking: platform {platformWrites.WalBytes:N0}, baseline {baselineWrites.WalBytes:N0}")),
            new("PostgreSQL CPU per booking", "us/op", CpuPerOp(p.Cpu.PostgresCores, p), CpuPerOp(b.Cpu.PostgresCores, b), HigherIsBetter: false,
                string.Create(CultureInfo.InvariantCulture, $"a ceiling insert: {CpuPerOp(c.Cpu.PostgresCores, c):N0} us")),
            new("app CPU per booking (server + HTTP client, one process)", "us/op", CpuPerOp(p.Cpu.ProcessCores, p), CpuPerOp(b.Cpu.ProcessCores, b), HigherIsBetter: false,
                string.Create(CultureInfo.InvariantCulture, $"machine busy: {p.Cpu.MachineCores:0.00} / {b.Cpu.MachineCores:0.00} of {Environment.ProcessorCount} cores")),
            new($"PostgreSQL ceiling: durable 1-row INSERT with exclusion constraint, {clients} Npgsql callers", "/s", c.PerSecond, null, HigherIsBetter: true,
                "autocommit, one round trip each" + pgbenchNote),
        ];
        var context = new Dictionary<string, string>
        {
            ["rooms"] = $"{settings.Rooms}",
            ["clients"] = $"{clients}",
            ["platformResponses"] = platformOutcomes.ToString(),
            ["baselineResponses"] = baselineOutcomes.ToString(),
            ["platformTransactionsPerBooking"] = $"{platformWrites.Transactions}",
            ["baselineTransactionsPerBooking"] = $"{baselineWrites.Transactions}",
            ["platformWalBytesPerBooking"] = $"{platformWrites.WalBytes}",
            ["baselineWalBytesPerBooking"] = $"{baselineWrites.WalBytes}",
            ["platformReminderTransactionsPerBooking"] = $"{platformWrites.ReminderTransactions}",
            ["platformTransactionsByTable"] = $"{probe} bookings: {platformWrites.ByTable}",
            ["baselineTransactionsByTable"] = $"{probe} bookings: {baselineWrites.ByTable}",
            ["platformWalBytesPerBookingByTable"] = platformWrites.WalByTable,
            ["baselineWalBytesPerBookingByTable"] = baselineWrites.WalByTable,
            ["membershipTransactionsLeftOut"] = $"platform probe {platformWrites.ClusterTransactions}, baseline probe {baselineWrites.ClusterTransactions}",
            ["ceilingNpgsqlPerSecond"] = string.Create(CultureInfo.InvariantCulture, $"{c.PerSecond}"),
            ["ceilingPgbenchPerSecond"] = pgbench is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t}") : "not run",
        };
        foreach (var (key, value) in await PostgresServer.SettingsAsync(sides.ConnectionString, cancellationToken))
        {
            context[key] = value;
        }

        return Result(figures, rows, context);
    }

    /// <summary>The platform's stays table, shape and constraint, for the database's own ceiling.</summary>
    public static string CeilingSchema(string table) => $"""
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        DROP TABLE IF EXISTS {table};
        CREATE TABLE {table} (
            room_key text NOT NULL, booking_id text NOT NULL, nights daterange NOT NULL, kind text NOT NULL, hold_until timestamptz NULL,
            PRIMARY KEY (room_key, booking_id),
            EXCLUDE USING gist (room_key WITH =, nights WITH &&));
        """;

    // Cores busy over operations per second: CPU microseconds per operation.
    private static double CpuPerOp(double? cores, Measurement measured) => cores is { } c && measured.PerSecond > 0 ? c * 1e6 / measured.PerSecond : double.NaN;

    // Stay n: room n % 200, the (n / 200)th night from a fixed date; never two on one room and night.
    private static async ValueTask InsertStayAsync(NpgsqlDataSource sql, long n, CancellationToken cancellationToken)
    {
        await using var insert = sql.CreateCommand(
            $"INSERT INTO {CeilingTable} (room_key, booking_id, nights, kind, hold_until) VALUES ($1, $2, daterange($3, $4), 'Hold', now() + interval '16 minutes')");
        var night = new DateOnly(2030, 1, 1).AddDays((int)(n / 200));
        insert.Parameters.Add(new() { Value = "bench/hotel/r" + (n % 200).ToString(CultureInfo.InvariantCulture) });
        insert.Parameters.Add(new() { Value = "b" + n.ToString(CultureInfo.InvariantCulture) });
        insert.Parameters.Add(new() { Value = night });
        insert.Parameters.Add(new() { Value = night.AddDays(1) });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource sql, string text, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
