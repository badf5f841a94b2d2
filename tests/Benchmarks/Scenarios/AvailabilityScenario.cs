using Actors.Benchmarks.Harness;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// Availability search of a 200-room property over 30 nights, with a third of its room-nights
/// booked: the platform answers from grain state in memory (the property asks each room grain), the
/// baseline with one SQL query per request. Alone (1 client) for latency, and under 16 clients.
/// </summary>
public sealed class AvailabilityScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "search";
    private const int Nights = 30;
    private const int Busy = 16;

    public override string Name => "availability";

    public override string Title => "Availability search, 200 rooms x 30 nights";

    public override string Unit => "searches";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var sides = await SideBySide.StartAsync(cancellationToken);
        await sides.OpenPropertyAsync(Org, Property, settings.Rooms, "r", cancellationToken);
        var stays = await SeedAsync(sides, settings.Rooms, cancellationToken);
        // Statistics for the baseline's query planner, as a DBA would take after a load: left to
        // autovacuum, its search ran either 2 or 15 ms a search depending on whether it had come by.
        await using (var analyze = sides.Sql.CreateCommand("ANALYZE"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var agree = await SameAnswersAsync(sides, cancellationToken);

        var baseline1 = "baseline: search, 1 client";
        var platform1 = "platform: search, 1 client";
        var baselineBusy = $"baseline: search, {Busy} clients";
        var platformBusy = $"platform: search, {Busy} clients";
        Load[] loads =
        [
            new(baseline1, 1, caller => Search(sides.Baseline, caller)),
            new(platform1, 1, caller => Search(sides.Platform, caller), Versus: baseline1),
            new(baselineBusy, Busy, caller => Search(sides.Baseline, caller)),
            new(platformBusy, Busy, caller => Search(sides.Platform, caller), Versus: baselineBusy),
        ];
        var rows = await MeasureAsync(loads, settings, cancellationToken);
        Figure[] figures =
        [
            new($"availability p50, {settings.Rooms} rooms x {Nights} nights, 1 client", "ms", Of(rows, platform1).Latency.P50 / 1000, Of(rows, baseline1).Latency.P50 / 1000, HigherIsBetter: false),
            new("availability p99, 1 client", "ms", Of(rows, platform1).Latency.P99 / 1000, Of(rows, baseline1).Latency.P99 / 1000, HigherIsBetter: false,
                agree ? "both sides give the same free rooms" : "WARNING: the two sides disagree on free rooms"),
            new($"availability searches/s, {Busy} clients", "/s", Of(rows, platformBusy).PerSecond, Of(rows, baselineBusy).PerSecond, HigherIsBetter: true),
            new($"availability p99, {Busy} clients", "ms", Of(rows, platformBusy).Latency.P99 / 1000, Of(rows, baselineBusy).Latency.P99 / 1000, HigherIsBetter: false),
        ];
        return Result(figures, rows, new Dictionary<string, string>
        {
            ["rooms"] = $"{settings.Rooms}",
            ["nights"] = $"{Nights}",
            ["seededStays"] = $"{stays}",
            ["sameAnswers"] = $"{agree}",
        });
    }

    // Three stays per room in the next 55 days, never overlapping, the same on both sides: rooms
    // differ in which nights are taken, so some are free for a window and some not.
    private static async Task<int> SeedAsync(SideBySide sides, int rooms, CancellationToken cancellationToken)
    {
        // Every fourth room has no stay at all, so every window has some free rooms.
        var stays = Enumerable.Range(0, rooms).Where(r => r % 4 != 3).SelectMany(r => new[]
        {
            (Room: r, Day: 1 + (r * 7 % 8), Nights: 3),
            (Room: r, Day: 12 + (r * 5 % 10), Nights: 4),
            (Room: r, Day: 26 + (r * 11 % 25), Nights: 5),
        }).ToArray();
        foreach (var (site, name) in new[] { (sides.Platform, "platform"), (sides.Baseline, "baseline") })
        {
            await Parallel.ForEachAsync(
                stays.Select((s, i) => (s, i)),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (stay, ct) =>
                {
                    var status = await site.BookAsync(Org, Property, $"r{stay.s.Room}", BookingSite.Today.AddDays(stay.s.Day), stay.s.Nights, $"seed-{stay.i}", ct);
                    if (status != System.Net.HttpStatusCode.Created)
                    {
                        throw new InvalidOperationException($"Seeding {name}: booking {stay.i} got {(int)status}.");
                    }
                });
        }

        return stays.Length;
    }

    // The baseline must answer the same question, or its speed means nothing.
    private static async Task<bool> SameAnswersAsync(SideBySide sides, CancellationToken cancellationToken)
    {
        foreach (var day in new[] { 1, 10, 29 })
        {
            var checkIn = BookingSite.Today.AddDays(day);
            var platform = await sides.Platform.SearchAsync(Org, Property, checkIn, Nights, cancellationToken);
            var baseline = await sides.Baseline.SearchAsync(Org, Property, checkIn, Nights, cancellationToken);
            if (platform.Count != baseline.Count || platform.Any(t => baseline.GetValueOrDefault(t.Key, -1) != t.Value))
            {
                Console.Error.WriteLine($"  availability differs for {checkIn}: platform {string.Join(",", platform)}, baseline {string.Join(",", baseline)}");
                return false;
            }
        }

        return true;
    }

    // Each caller walks its own windows: 30 nights from 1 to 30 days ahead.
    private static Func<CancellationToken, ValueTask> Search(BookingSite site, int caller)
    {
        var next = caller;
        return async cancellationToken =>
        {
            await site.SearchAsync(Org, Property, BookingSite.Today.AddDays(1 + (next++ % Nights)), Nights, cancellationToken);
        };
    }
}
