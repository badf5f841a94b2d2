using System.Collections.Concurrent;
using Actors.Benchmarks.Harness;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// The guest's search with the booking funnel recording and without, measured together in rounds on
/// the platform: with recording, every search is one new counted visit whose start and steps (viewed,
/// searched, saw prices) the caller sends alongside without waiting, as the booking page does; only
/// the search itself is timed. The baseline has no funnel, so "versus" is the platform without recording.
/// </summary>
public sealed class GuestSearchRecordingScenario : Scenario
{
    private const string Org = "bench";
    private const string Property = "funnel";
    private const int Nights = 3;
    private const int Busy = 16;

    public override string Name => "guest-search-recording";

    public override string Title => "Guest search with the booking funnel recording on and off";

    public override string Unit => "searches";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var sides = await SideBySide.StartAsync(cancellationToken);
        await sides.Platform.OpenOrganizationAsync(Org, cancellationToken);
        await sides.Platform.OpenPropertyAsync(Org, Property, settings.Rooms, "r", cancellationToken);
        var recordings = new ConcurrentBag<Task>();

        var off1 = "platform: search, recording off, 1 client";
        var on1 = "platform: search, recording on, 1 client";
        var offBusy = $"platform: search, recording off, {Busy} clients";
        var onBusy = $"platform: search, recording on, {Busy} clients";
        Load[] loads =
        [
            new(off1, 1, caller => Search(sides.Platform, caller, null)),
            new(on1, 1, caller => Search(sides.Platform, caller, recordings), Versus: off1),
            new(offBusy, Busy, caller => Search(sides.Platform, caller, null)),
            new(onBusy, Busy, caller => Search(sides.Platform, caller, recordings), Versus: offBusy),
        ];
        var rows = await MeasureAsync(loads, settings, cancellationToken);
        var recorded = recordings.Count;
        var failed = 0;
        foreach (var recording in recordings)
        {
            try
            {
                await recording;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                failed++;
            }
        }

        var note = $"{recorded} visits recorded alongside, {failed} of them failed";
        Figure[] figures =
        [
            new("search p50 with recording (vs off), 1 client", "ms", Of(rows, on1).Latency.P50 / 1000, Of(rows, off1).Latency.P50 / 1000, HigherIsBetter: false),
            new("search p99 with recording (vs off), 1 client", "ms", Of(rows, on1).Latency.P99 / 1000, Of(rows, off1).Latency.P99 / 1000, HigherIsBetter: false, note),
            new($"search p50 with recording (vs off), {Busy} clients", "ms", Of(rows, onBusy).Latency.P50 / 1000, Of(rows, offBusy).Latency.P50 / 1000, HigherIsBetter: false),
            new($"search p99 with recording (vs off), {Busy} clients", "ms", Of(rows, onBusy).Latency.P99 / 1000, Of(rows, offBusy).Latency.P99 / 1000, HigherIsBetter: false),
            new($"searches/s with recording (vs off), {Busy} clients", "/s", Of(rows, onBusy).PerSecond, Of(rows, offBusy).PerSecond, HigherIsBetter: true),
        ];
        return Result(figures, rows, new Dictionary<string, string>
        {
            ["rooms"] = $"{settings.Rooms}",
            ["nights"] = $"{Nights}",
            ["visitsRecorded"] = $"{recorded}",
            ["recordingsFailed"] = $"{failed}",
        });
    }

    // With recording, each search belongs to a new visit whose calls go out beside it, one after
    // another as the page sends them, and are not waited for: the guest never waits on the funnel.
    private static Func<CancellationToken, ValueTask> Search(BookingSite site, int caller, ConcurrentBag<Task>? recordings)
    {
        var next = caller;
        return async cancellationToken =>
        {
            var checkIn = BookingSite.Today.AddDays(1 + (next++ % 30));
            recordings?.Add(RecordVisitAsync(site, caller));
            await site.SearchAsync(Org, Property, checkIn, Nights, cancellationToken);
        };
    }

    private static async Task RecordVisitAsync(BookingSite site, int caller)
    {
        var visit = await site.StartVisitAsync(Org, Property, caller % 2 == 0 ? "google" : "newsletter", CancellationToken.None);
        foreach (var step in new[] { "viewed", "searched", "saw-prices" })
        {
            await site.ReportStepAsync(Org, Property, visit, step, CancellationToken.None);
        }
    }
}
