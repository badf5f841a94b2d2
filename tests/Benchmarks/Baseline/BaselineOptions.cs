namespace Actors.Benchmarks.Baseline;

/// <summary>The baseline's tunables, bound from the "Baseline" configuration section.</summary>
public sealed class BaselineOptions
{
    /// <summary>
    /// How often each node polls the events table for its boards: the fast end of the 100-250 ms
    /// teams usually pick, so the baseline's board latency is as good as polling gets.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a hold lasts (the platform's default).</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How much longer the room keeps a hold than the booking does (the platform's default).</summary>
    public TimeSpan RoomHoldGrace { get; set; } = TimeSpan.FromMinutes(1);
}
