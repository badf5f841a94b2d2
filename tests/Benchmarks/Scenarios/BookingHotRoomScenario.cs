using System.Globalization;
using System.Net;
using Actors.Benchmarks.Harness;
using Npgsql;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// Contention: 32 clients book the same room, each a different night, so every booking succeeds but
/// all of them queue on one room (the room grain's turns; the room row's lock). After a year of
/// nights the next room becomes the hot one, so a room's calendar stays as full as a real one gets.
/// Beside it, the platform on rooms that already hold about a thousand stays each (past ones, and
/// future ones beyond the load's nights), to show a room's write cost does not grow with its calendar.
/// </summary>
public sealed class BookingHotRoomScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "hot";

    // Rooms 0-79 for the loads on empty rooms, 80-159 (platform only) for the loads on full ones.
    private const int EmptyRooms = 80;
    private const int PastStays = 818;

    public override string Name => "booking-hot-room";

    public override string Title => "Booking commits over HTTP, one hot room";

    public override string Unit => "bookings";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var sides = await SideBySide.StartAsync(cancellationToken);
        // Enough rooms for ~30,000 bookings per side and load, a year of nights each.
        await sides.OpenPropertyAsync(Org, Property, 2 * EmptyRooms, "h", cancellationToken);
        var seeded = await SeedFullRoomsAsync(sides.Sql, cancellationToken);
        var clients = settings.HttpClients;
        var platformOutcomes = new Outcomes();
        var baselineOutcomes = new Outcomes();
        var fullOutcomes = new Outcomes();
        var baseline = $"baseline: hold one room, {clients} clients";
        var platform = $"platform: hold one room, {clients} clients";
        var full = $"platform: hold one room holding ~1,000 stays, {clients} clients";
        Load[] loads =
        [
            new(baseline, clients, BookingLoads.Hold(_ => sides.Baseline, Org, Property, "h", StayCursor.HotRoom("baseline"), baselineOutcomes), Warmup: settings.BookingWarmup),
            new(platform, clients, BookingLoads.Hold(_ => sides.Platform, Org, Property, "h", StayCursor.HotRoom("platform"), platformOutcomes), Versus: baseline, Warmup: settings.BookingWarmup),
            new(full, clients, BookingLoads.Hold(_ => sides.Platform, Org, Property, "h", StayCursor.HotRoom("platform-full", firstRoom: EmptyRooms), fullOutcomes), Versus: platform),
        ];
        var rows = await MeasureAsync(loads, settings, cancellationToken);
        var p = Of(rows, platform);
        var b = Of(rows, baseline);
        var f = Of(rows, full);
        Figure[] figures =
        [
            new($"booking commits/s, one hot room, {clients} clients", "/s", p.PerSecond * platformOutcomes.ShareOf(HttpStatusCode.Created),
                b.PerSecond * baselineOutcomes.ShareOf(HttpStatusCode.Created), HigherIsBetter: true),
            new("booking p99, one hot room (same load)", "ms", p.Latency.P99 / 1000, b.Latency.P99 / 1000, HigherIsBetter: false),
            new("platform hold p50, a hot room holding ~1,000 stays vs an empty one", "ms", f.Latency.P50 / 1000, p.Latency.P50 / 1000, HigherIsBetter: false,
                string.Create(CultureInfo.InvariantCulture, $"{seeded:N0} stays seeded in 80 rooms; bookings/s {f.PerSecond * fullOutcomes.ShareOf(HttpStatusCode.Created):N0} vs {p.PerSecond * platformOutcomes.ShareOf(HttpStatusCode.Created):N0}")),
        ];
        return Result(figures, rows, new Dictionary<string, string>
        {
            ["clients"] = $"{clients}",
            ["nightsPerHotRoom"] = "365",
            ["platformResponses"] = platformOutcomes.ToString(),
            ["baselineResponses"] = baselineOutcomes.ToString(),
            ["fullRoomResponses"] = fullOutcomes.ToString(),
            ["fullRoomStaysSeeded"] = $"{seeded}",
        });
    }

    // Each full room: 818 one-night stays that departed on the nights before today, and one-night
    // stays booked on every other night past the load's year (days 367-730): 1,000 rows of the stays
    // table, which is where a room reads its calendar from.
    private static async Task<long> SeedFullRoomsAsync(NpgsqlDataSource sql, CancellationToken cancellationToken)
    {
        await using var seed = sql.CreateCommand($"""
            INSERT INTO stays (room_key, booking_id, nights, kind, hold_until)
            SELECT '{Org}/{Property}/h' || r, 'seeded-' || r || '-' || d, daterange(current_date + d, current_date + d + 1),
                   CASE WHEN d < 0 THEN 'Departed' ELSE 'Booked' END, NULL
            FROM generate_series({EmptyRooms}, {2 * EmptyRooms - 1}) AS r,
                 (SELECT generate_series(-{PastStays}, -1) AS d UNION ALL SELECT generate_series(367, 730, 2)) AS days
            """);
        return await seed.ExecuteNonQueryAsync(cancellationToken);
    }
}
