using System.Diagnostics;

namespace Actors.Benchmarks.Harness;

/// <summary>Latency percentiles of one load, in microseconds per operation.</summary>
public sealed record Latency(double P50, double P90, double P99, double Max, int Samples)
{
    /// <summary>Nearest-rank percentiles over all kept samples, sorted: exact, no histogram buckets.</summary>
    internal static Latency Of(IEnumerable<LatencySamples> callers, int operationsPerCall)
    {
        var all = callers.SelectMany(c => c.Kept.ToArray()).ToArray();
        if (all.Length == 0)
        {
            return new Latency(0, 0, 0, 0, 0);
        }

        Array.Sort(all);
        var perTick = 1e6 / Stopwatch.Frequency / operationsPerCall;
        double At(double percentile) => Math.Round(all[Math.Max(0, (int)Math.Ceiling(percentile / 100 * all.Length) - 1)] * perTick, 4);
        return new Latency(At(50), At(90), At(99), Math.Round(all[^1] * perTick, 4), all.Length);
    }
}
