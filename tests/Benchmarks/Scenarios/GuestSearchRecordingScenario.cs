using System.Collections.Concurrent;
using Actors.Benchmarks.Harness;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// The guest's search with the booking funnel recording and without, measured together in rounds on
/// the platform: with recording, every search is the first of a new counted visit, made as the booking
/// page makes it (the visit's start, carrying "viewed", goes out unawaited when the page opens, and the
/// search names the visit so it counts itself); only the search itself is timed. The baseline has no
/// funnel, so "versus" is the platform without recording.
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

    // With recording, each search is the first of a new visit, made as the booking page makes it: the
    // visit starts when the page opens (its start carrying "viewed"), beside the search before, and the
    // search names it so that it counts itself. Starts are never waited for: when one has not answered
    // by the next search, that search goes uncounted rather than waiting on the funnel.
    private static Func<CancellationToken, ValueTask> Search(BookingSite site, int caller, ConcurrentBag<Task>? recordings)
    {
        var next = caller;
        Task<string>? opened = null;
        return async cancellationToken =>
        {
            var checkIn = BookingSite.Today.AddDays(1 + (next++ % 30));
            var visit = opened is { IsCompletedSuccessfully: true } ? await opened : null;
            if (recordings is not null)
            {
                opened = site.StartVisitAsync(Org, Property, caller % 2 == 0 ? "google" : "newsletter", ["viewed"], CancellationToken.None);
                recordings.Add(opened);
            }

            await site.SearchAsync(Org, Property, checkIn, Nights, visit, cancellationToken);
        };
    }
}
