namespace Actors.Benchmarks.Harness;

/// <summary>
/// One caller's latencies in Stopwatch ticks. Bounded: once full it overwrites the oldest samples,
/// so memory stays flat however fast the operation is, and the kept samples are the most recent.
/// </summary>
internal sealed class LatencySamples(int capacity)
{
    private readonly long[] ticks = new long[capacity];
    private int next;
    private bool wrapped;

    public void Add(long elapsed)
    {
        ticks[next] = elapsed;
        if (++next == ticks.Length)
        {
            next = 0;
            wrapped = true;
        }
    }

    public ReadOnlySpan<long> Kept => wrapped ? ticks : ticks.AsSpan(0, next);
}
