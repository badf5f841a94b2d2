using Actors.Benchmarks.Grains;
using Actors.Benchmarks.Harness;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// What a grain call costs over a method call: a trivial method through Orleans grain references from
/// the client co-hosted with an in-process silo, next to the same method on a plain object through the same interface.
/// </summary>
public sealed class LocalCallsScenario : Scenario
{
    private const int ManyCallers = 64;

    // A direct call takes nanoseconds, less than the two timestamps around it; so it is timed in batches.
    private const int DirectCallsPerBatch = 1000;

    public override string Name => "local-calls";

    public override string Title => "Local grain calls";

    public override string Unit => "calls";

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        // Storage plays no part in a call to a stateless grain.
        await using var silo = await BenchSilo.StartAsync(connectionString: null);
        var grains = Enumerable.Range(0, settings.Grains)
            .Select(i => silo.GrainFactory.GetGrain<IPingGrain>($"ping-{i}"))
            .ToArray();
        // Activate every grain up front, so first-call activation stays out of every window.
        await Task.WhenAll(grains.Select(g => g.PingAsync(0)));

        IPingGrain plain = new PlainPing();
        var cores = Environment.ProcessorCount;
        var direct1 = "direct call, 1 caller";
        var directAll = $"direct call, {cores} callers";
        Load[] loads =
        [
            new(direct1, 1, _ => DirectBatch(plain), OperationsPerCall: DirectCallsPerBatch),
            new(directAll, cores, _ => DirectBatch(plain), OperationsPerCall: DirectCallsPerBatch),
            new("grain call, 1 caller", 1, caller => Calls(grains, caller, 1), Versus: direct1),
            // Compared with every core busy on direct calls: the most this machine could do.
            new($"grain call, {ManyCallers} callers", ManyCallers, caller => Calls(grains, caller, ManyCallers), Versus: directAll),
            // One grain runs one turn at a time, so its ceiling is a single caller's.
            new($"grain call, {ManyCallers} callers, 1 grain", ManyCallers, _ => Calls(grains[..1], 0, 1), Versus: direct1),
        ];

        var rows = await MeasureAsync(loads, settings, cancellationToken);
        var grain1 = Of(rows, "grain call, 1 caller");
        var plain1 = Of(rows, direct1);
        Figure[] figures =
        [
            new("grain call p50, 1 caller (vs a direct call)", "us", grain1.Latency.P50, plain1.Latency.P50, HigherIsBetter: false),
            new($"grain calls/s, {ManyCallers} callers (vs direct calls on every core)", "/s", Of(rows, $"grain call, {ManyCallers} callers").PerSecond, Of(rows, directAll).PerSecond, HigherIsBetter: true),
        ];
        return Result(figures, rows, new Dictionary<string, string> { ["grains"] = $"{grains.Length}" });
    }

    private static Func<CancellationToken, ValueTask> DirectBatch(IPingGrain target) => async _ =>
    {
        var value = 0;
        for (var i = 0; i < DirectCallsPerBatch; i++)
        {
            value = await target.PingAsync(value);
        }
    };

    // Caller i calls grains i, i + stride, i + 2 * stride, ...: callers rarely meet on one grain.
    private static Func<CancellationToken, ValueTask> Calls(IPingGrain[] grains, int caller, int stride)
    {
        var next = caller % grains.Length;
        return async _ =>
        {
            await grains[next].PingAsync(next);
            next = (next + stride) % grains.Length;
        };
    }
}
