using System.Diagnostics;
using Actors.Benchmarks;
using Actors.Benchmarks.Baseline;
using Actors.Benchmarks.Harness;
using Actors.Benchmarks.Scenarios;

// The benchmark command (tests/bench.sh runs it): every scenario measures the platform next to its
// baseline in the same run, prints tables on stdout and writes every figure to a JSON file.
// "serve-baseline" instead runs one baseline node as its own process, for the multi-process scenarios.
if (args is [BaselineServer.ServeCommand, ..])
{
    return await BaselineServer.RunAsync(args[1..]);
}

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

Scenario[] scenarios =
[
    new LocalCallsScenario(),
    new PersistedWritesScenario(),
    new BookingManyRoomsScenario(),
    new BookingHotRoomScenario(),
    new AvailabilityScenario(),
    new GuestSearchRecordingScenario(),
    new BoardLatencyScenario(),
    new IdleConnectionsScenario(),
    new SiloScalingScenario(),
    new RemoteCallsScenario(),
];
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
        var scenarioClock = Stopwatch.StartNew();
        try
        {
            results.Add(await scenario.RunAsync(settings, stop.Token));
            Console.Error.WriteLine($"{scenario.Title}: done in {scenarioClock.Elapsed.TotalSeconds:0} s");
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

ResultsTable.Write(Console.Out, results, await NotesAsync(settings, machine));
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

// What a reader must know to read the figures: the machine, and what a commit costs on this server.
static async Task<IEnumerable<string>> NotesAsync(BenchSettings settings, MachineInfo machine)
{
    var notes = new List<string>
    {
        $"Machine: {machine.Cores} cores, {machine.MemoryBytes / (1024.0 * 1024 * 1024):0} GiB, {machine.Cpu}; load average at start {machine.LoadAverage}. "
            + "Everything (PostgreSQL, servers, load generators) shares these cores, on loopback.",
    };
    if (settings.ConnectionString is { } connectionString)
    {
        try
        {
            var server = await PostgresServer.SettingsAsync(connectionString, CancellationToken.None);
            notes.Add($"PostgreSQL {server["server_version"]}: fsync={server["fsync"]}, synchronous_commit={server["synchronous_commit"]}"
                + (server["fsync"] == "off" ? " (tests/postgres.sh): commits never wait for a disk, so the ceiling is CPU-bound, not disk-bound." : "."));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            notes.Add($"PostgreSQL settings unreadable: {e.Message}");
        }
    }

    return notes;
}
