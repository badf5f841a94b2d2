namespace Actors.Grains.Tests;

/// <summary>The real clock moved forward by a test: timers still tick in real time, "now" is later.</summary>
public sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
}
