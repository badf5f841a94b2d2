using System.Net;
using Actors.Benchmarks.Harness;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// Contention: 32 clients book the same room, each a different night, so every booking succeeds but
/// all of them queue on one room (the room grain's turns; the room row's lock). After a year of
/// nights the next room becomes the hot one, so a room's calendar stays as full as a real one gets.
/// </summary>
public sealed class BookingHotRoomScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "hot";

    public override string Name => "booking-hot-room";

    public override string Title => "Booking commits over HTTP, one hot room";

    public override string Unit => "bookings";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var sides = await SideBySide.StartAsync(cancellationToken);
        // Enough rooms for ~30,000 bookings per side, a year of nights each.
        const int rooms = 80;
        await sides.OpenPropertyAsync(Org, Property, rooms, "h", cancellationToken);
        var clients = settings.HttpClients;
        var platformOutcomes = new Outcomes();
        var baselineOutcomes = new Outcomes();
        var baseline = $"baseline: hold one room, {clients} clients";
        var platform = $"platform: hold one room, {clients} clients";
        Load[] loads =
        [
            new(baseline, clients, BookingLoads.Hold(_ => sides.Baseline, Org, Property, "h", StayCursor.HotRoom("baseline"), baselineOutcomes)),
            new(platform, clients, BookingLoads.Hold(_ => sides.Platform, Org, Property, "h", StayCursor.HotRoom("platform"), platformOutcomes), Versus: baseline),
        ];
        var rows = await MeasureAsync(loads, settings, cancellationToken);
        var p = Of(rows, platform);
        var b = Of(rows, baseline);
        Figure[] figures =
        [
            new($"booking commits/s, one hot room, {clients} clients", "/s", p.PerSecond * platformOutcomes.ShareOf(HttpStatusCode.Created),
                b.PerSecond * baselineOutcomes.ShareOf(HttpStatusCode.Created), HigherIsBetter: true),
            new("booking p99, one hot room (same load)", "ms", p.Latency.P99 / 1000, b.Latency.P99 / 1000, HigherIsBetter: false),
        ];
        return Result(figures, rows, new Dictionary<string, string>
        {
            ["clients"] = $"{clients}",
            ["nightsPerHotRoom"] = "365",
            ["platformResponses"] = platformOutcomes.ToString(),
            ["baselineResponses"] = baselineOutcomes.ToString(),
        });
    }
}
