namespace Actors.Persistence.TestHost;

/// <summary>Counts ticks of a grain timer and notices a tick overlapping a call.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer with the given period.</summary>
    Task Start(TimeSpan period);

    /// <summary>Ticks so far, and whether a tick ever overlapped another turn.</summary>
    Task<TimerReport> Read();
}

[GenerateSerializer]
public sealed record TimerReport(int Ticks, bool Overlapped);

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private int ticks;
    private int inside;
    private bool overlapped;

    public Task Start(TimeSpan period)
    {
        this.RegisterGrainTimer(TickAsync, period, period);
        return Task.CompletedTask;
    }

    public async Task<TimerReport> Read()
    {
        Enter();
        await Task.Delay(5);
        inside--;
        return new TimerReport(ticks, overlapped);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        Enter();
        await Task.Delay(5, cancellationToken);
        ticks++;
        probe.Record($"tick {this.GetPrimaryKeyString()}");
        inside--;
    }

    private void Enter()
    {
        if (++inside > 1)
        {
            overlapped = true;
        }
    }
}
