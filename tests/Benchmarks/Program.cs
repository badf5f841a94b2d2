using System.Diagnostics;
using Actors.Benchmarks;
using Actors.Benchmarks.Harness;
using Actors.Benchmarks.Scenarios;

// The benchmark command (tests/bench.sh runs it): every scenario measures the platform next to its
// baseline in this one process, prints a table on stdout and writes every figure to a JSON file.
if (BenchSettings.Parse(args, Console.Error) is not { } settings)
{
    return 2;
}

using var stop = new CancellationTokenSource(settings.TimeLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop between operations, then report what finished
    stop.Cancel();
};

Scenario[] scenarios = [new LocalCallsScenario(), new PersistedWritesScenario()];
var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var machine = MachineInfo.Capture();
var results = new List<ScenarioResult>();
var failed = false;
try
{
    foreach (var scenario in scenarios.Where(s => settings.Selects(s.Name)))
    {
        if (scenario.SkipReason(settings) is { } reason)
        {
            Console.Error.WriteLine($"{scenario.Title}: skipped, {reason}");
            results.Add(ScenarioResult.Skip(scenario, reason));
            continue;
        }

        Console.Error.WriteLine($"{scenario.Title}: {settings.Warmup.TotalSeconds:0.#} s warm-up + {settings.Measure.TotalSeconds:0.#} s per variant");
        try
        {
            results.Add(await scenario.RunAsync(settings, stop.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken scenario must not cost the figures of the others; the exit code still says so.
            Console.Error.WriteLine($"{scenario.Title} failed: {e}");
            results.Add(ScenarioResult.Skip(scenario, $"failed: {e.GetType().Name}: {e.Message}"));
            failed = true;
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped (interrupted or over the time limit); reporting what finished.");
}

ResultsTable.Write(Console.Out, results);
var run = new BenchRun(
    SchemaVersion: 1,
    started,
    clock.Elapsed.TotalSeconds,
    await ResultsFile.GitCommitAsync(CancellationToken.None),
    machine,
    MachineInfo.ReadLoadAverage(),
    settings,
    results);
await ResultsFile.WriteAsync(settings.Output, run, CancellationToken.None);
Console.Error.WriteLine($"Results: {Path.GetFullPath(settings.Output)}");
return stop.IsCancellationRequested || failed ? 1 : 0;
