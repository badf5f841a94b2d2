using Actors.Runtime.Activation;

namespace Actors.Runtime.Timers;

/// <summary>
/// Ticks as turns of its activation. The next tick is scheduled only after the previous one ends,
/// so ticks never overlap; the timer dies with the activation (use a reminder to outlive it).
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData activation;
    private readonly Func<CancellationToken, Task> callback;
    private readonly CancellationTokenSource stopped = new();
    private readonly Timer timer;
    private TimeSpan period;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        this.activation = activation;
        this.callback = callback;
        this.period = period;
        DueTime = dueTime;
        timer = new Timer(static state => ((GrainTimer)state!).Tick(), this, Timeout.Infinite, Timeout.Infinite);
    }

    private TimeSpan DueTime { get; set; }

    public void Start() => timer.Change(DueTime, Timeout.InfiniteTimeSpan);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        this.period = period;
        timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (stopped.IsCancellationRequested)
        {
            return;
        }

        stopped.Cancel();
        timer.Dispose();
        activation.RemoveTimer(this);
    }

    private void Tick()
    {
        if (stopped.IsCancellationRequested)
        {
            return;
        }

        var turn = new WorkItem(
            async _ =>
            {
                await callback(stopped.Token);
                return null;
            },
            interleave: false);
        if (!activation.TryEnqueue(turn, keepsAlive: false))
        {
            return;
        }

        _ = turn.Completion.ContinueWith(
            static (_, state) => ((GrainTimer)state!).ScheduleNext(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void ScheduleNext()
    {
        if (!stopped.IsCancellationRequested && period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            try
            {
                timer.Change(period, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the change: the activation is gone.
            }
        }
    }
}
