using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;

namespace Actors.Persistence.Tests;

/// <summary>Grain timers (RegisterGrainTimer) tick as turns of their grain and stop with the activation.</summary>
public sealed class TimerTests(ClusterFixture silos) : IClassFixture<ClusterFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Timer_ticks_run_as_turns_of_the_grain_and_stop_with_the_activation()
    {
        var grain = silos.Grains.GetGrain<ITimerGrain>("ticking");
        await grain.Start(TimeSpan.FromMilliseconds(20));

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.Read()));
        var report = await Eventually.Until(grain.Read, r => r.Ticks >= 5, TimeSpan.FromSeconds(20));
        Assert.False(report.Overlapped || reads.Any(r => r.Overlapped), "A tick ran while a call was inside the grain.");

        await silos.Cluster.DeactivateAsync(grain).WaitAsync(TimeSpan.FromSeconds(20));
        var ticksAtDeactivation = silos.Probe.Count("tick ticking");
        await Task.Delay(300);
        Assert.Equal(ticksAtDeactivation, silos.Probe.Count("tick ticking"));
    }
}
