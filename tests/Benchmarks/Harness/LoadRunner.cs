using System.Diagnostics;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// Runs one <see cref="Load"/>: prepared and warmed up once (JIT, tiering, pools, caches), then
/// measured in several short windows that the scenario interleaves with its other loads, so a
/// neighbour's burst on a shared machine lands on every variant rather than on one.
/// </summary>
public sealed class LoadRunner
{
    // Per caller; 64 callers keep at most 64 x 32 Ki samples = 16 MiB.
    private const int SamplesPerCaller = 1 << 15;

    private readonly Load load;
    private readonly Func<CancellationToken, ValueTask>[] callers;
    private readonly LatencySamples[] samples;
    private long calls;
    private double seconds;
    private long allocated;
    private int gen0;
    private int gen2;
    private double processCpuSeconds;
    private double? machineCpuSeconds = 0;
    private double? postgresCpuSeconds = 0;

    private LoadRunner(Load load, Func<CancellationToken, ValueTask>[] callers)
    {
        this.load = load;
        this.callers = callers;
        samples = [.. callers.Select(_ => new LatencySamples(SamplesPerCaller))];
    }

    public static async Task<LoadRunner> StartAsync(Load load, TimeSpan warmup, CancellationToken cancellationToken)
    {
        if (load.Prepare is not null)
        {
            await load.Prepare(cancellationToken);
        }

        var callers = Enumerable.Range(0, load.Callers).Select(load.CreateCaller).ToArray();
        await RunWindowAsync(callers, warmup, samples: null, cancellationToken);
        return new LoadRunner(load, callers);
    }

    public async Task MeasureAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        // A collection now, so garbage from setup, warm-up and other loads is not charged to this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var cpu = CpuUsage.Start();
        var started = Stopwatch.GetTimestamp();
        calls += await RunWindowAsync(callers, window, samples, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var used = cpu.Stop();
        seconds += elapsed;
        allocated += GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        gen0 += GC.CollectionCount(0) - gen0Before;
        gen2 += GC.CollectionCount(2) - gen2Before;
        processCpuSeconds += used.ProcessCores * elapsed;
        machineCpuSeconds = used.MachineCores is { } machine ? machineCpuSeconds + (machine * elapsed) : null;
        postgresCpuSeconds = used.PostgresCores is { } postgres ? postgresCpuSeconds + (postgres * elapsed) : null;
    }

    public Measurement Summarize()
    {
        var operations = calls * load.OperationsPerCall;
        return new Measurement(
            load.Variant,
            load.Callers,
            operations,
            Math.Round(seconds, 3),
            Math.Round(operations / seconds, 1),
            Latency.Of(samples, load.OperationsPerCall),
            operations == 0 ? 0 : Math.Round((double)allocated / operations, 1),
            gen0,
            gen2,
            new CpuUsage(
                Math.Round(processCpuSeconds / seconds, 2),
                machineCpuSeconds is { } m ? Math.Round(m / seconds, 2) : null,
                postgresCpuSeconds is { } p ? Math.Round(p / seconds, 2) : null));
    }

    // Every caller loops until the deadline; the window ends when the last one's operation returns.
    private static async Task<long> RunWindowAsync(
        Func<CancellationToken, ValueTask>[] callers, TimeSpan length, LatencySamples[]? samples, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(callers.Select((call, i) => Task.Run(
            async () =>
            {
                var recorder = samples?[i];
                long count = 0;
                var now = Stopwatch.GetTimestamp();
                while (now < deadline && !cancellationToken.IsCancellationRequested)
                {
                    await call(cancellationToken);
                    var end = Stopwatch.GetTimestamp();
                    recorder?.Add(end - now);
                    now = end;
                    count++;
                }

                return count;
            },
            cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
        return counts.Sum();
    }
}
