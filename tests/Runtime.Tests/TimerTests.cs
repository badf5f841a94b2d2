using Actors.Runtime.Testing;
using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>Grain timers tick as turns of their grain and stop with the activation.</summary>
public sealed class TimerTests
{
    [Fact]
    public async Task Timer_ticks_run_as_turns_and_end_with_the_activation()
    {
        var probe = new Probe();
        await using var silo = await Silos.StartAsync(database: null, probe);
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("ticking");
        await grain.Start(TimeSpan.FromMilliseconds(20));

        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.Read()));
        var report = await Eventually.Until(grain.Read, r => r.Ticks >= 5);
        Assert.True(report.Ticks >= 5);
        Assert.False(report.Overlapped || reads.Any(r => r.Overlapped));

        await silo.DeactivateAsync(grain);
        var ticksAtDeactivation = probe.Count("tick ticking");
        await Task.Delay(300);
        Assert.Equal(ticksAtDeactivation, probe.Count("tick ticking"));
    }
}
