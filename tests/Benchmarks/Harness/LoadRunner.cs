using System.Diagnostics;

namespace Actors.Benchmarks.Harness;

/// <summary>Runs a <see cref="Load"/>: a warm-up (JIT, tiering, pools, caches), then a timed window.</summary>
public static class LoadRunner
{
    // Per caller; 64 callers keep at most 64 x 32 Ki samples = 16 MiB.
    private const int SamplesPerCaller = 1 << 15;

    public static async Task<Measurement> RunAsync(Load load, BenchSettings settings, CancellationToken cancellationToken)
    {
        if (load.Prepare is not null)
        {
            await load.Prepare(cancellationToken);
        }

        var callers = Enumerable.Range(0, load.Callers).Select(load.CreateCaller).ToArray();
        await RunWindowAsync(callers, settings.Warmup, samples: null, cancellationToken);

        // A collection now, so garbage from setup and warm-up is not charged to the window.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var samples = callers.Select(_ => new LatencySamples(SamplesPerCaller)).ToArray();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var cpu = CpuUsage.Start();
        var started = Stopwatch.GetTimestamp();
        var calls = await RunWindowAsync(callers, settings.Measure, samples, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuUsed = cpu.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;

        var operations = calls * load.OperationsPerCall;
        return new Measurement(
            load.Variant,
            load.Callers,
            operations,
            seconds,
            operations / seconds,
            Latency.Of(samples, load.OperationsPerCall),
            operations == 0 ? 0 : (double)allocated / operations,
            GC.CollectionCount(0) - gen0Before,
            GC.CollectionCount(2) - gen2Before,
            cpuUsed);
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
