namespace Actors.Benchmarks.Harness;

/// <summary>
/// One question the benchmark answers, measured on the platform and on a baseline in the same run,
/// because on a shared machine only figures measured together can be compared.
/// </summary>
public abstract class Scenario
{
    /// <summary>A stable identifier for filters and the results file, e.g. "local-calls".</summary>
    public abstract string Name { get; }

    public abstract string Title { get; }

    /// <summary>What one operation is, for the table ("calls", "writes").</summary>
    public abstract string Unit { get; }

    /// <summary>Why the scenario cannot run with these settings, or null when it can.</summary>
    public virtual string? SkipReason(BenchSettings settings) => null;

    public abstract Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// Warms every load up, then measures them in interleaved rounds (A B C A B C ...), and compares
    /// each with the earlier variant it names.
    /// </summary>
    protected async Task<IReadOnlyList<ResultRow>> MeasureAsync(IReadOnlyList<Load> loads, BenchSettings settings, CancellationToken cancellationToken)
    {
        var runners = new List<LoadRunner>();
        foreach (var load in loads)
        {
            runners.Add(await LoadRunner.StartAsync(load, load.Warmup ?? settings.Warmup, cancellationToken));
        }

        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var runner in runners)
            {
                await runner.MeasureAsync(settings.Measure / settings.Rounds, cancellationToken);
            }
        }

        var rows = new List<ResultRow>();
        foreach (var (load, runner) in loads.Zip(runners))
        {
            var measured = runner.Summarize();
            var baseline = load.Versus is null ? null : rows.Single(r => r.Measured.Variant == load.Versus).Measured;
            Console.Error.WriteLine(
                $"  {measured.Variant,-40} {measured.PerSecond,14:N0} {Unit}/s  p50 {measured.Latency.P50,10:N3} us  p99 {measured.Latency.P99,10:N3} us");
            rows.Add(ResultRow.Compare(measured, baseline));
        }

        return rows;
    }

    protected ScenarioResult Result(IReadOnlyList<Figure> figures, IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, string> context) =>
        new(Name, Title, Unit, figures, rows, context, Skipped: null);

    /// <summary>The measurement of one variant among the rows.</summary>
    protected static Measurement Of(IReadOnlyList<ResultRow> rows, string variant) => rows.Single(r => r.Measured.Variant == variant).Measured;
}
