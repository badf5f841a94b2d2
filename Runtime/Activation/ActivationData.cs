using Actors.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activation;

/// <summary>
/// One in-memory activation of a grain: its instance, its queue of turns and its scheduler.
/// Turns run on an exclusive scheduler, so grain code never runs on two threads at once; a
/// non-reentrant grain also waits for each turn to finish before the next one starts.
/// </summary>
internal sealed class ActivationData
{
    [ThreadStatic]
    private static ActivationData? constructing;

    private static readonly AsyncLocal<ActivationData?> CurrentActivation = new();

    private readonly Lock gate = new();
    private readonly Queue<WorkItem> queue = new();
    private readonly TaskScheduler scheduler = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private readonly List<GrainTimer> timers = [];
    private readonly TaskCompletionSource gone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Catalog catalog;
    private readonly bool reentrant;
    private ActivationStatus status = ActivationStatus.Activating;
    private DeactivationReason? requestedDeactivation;
    private bool pumping;
    private int runningTurns;
    private long lastActivity = Environment.TickCount64;

    public ActivationData(GrainId grainId, Type implementation, GrainRuntime runtime, Catalog catalog)
    {
        GrainId = grainId;
        Implementation = implementation;
        Runtime = runtime;
        this.catalog = catalog;
        reentrant = implementation.IsDefined(typeof(ReentrantAttribute), inherit: false);
        queue.Enqueue(new WorkItem(static a => a.ActivateAsync(), interleave: false));
    }

    /// <summary>The activation whose constructor is running, read by <see cref="Grain"/>'s constructor.</summary>
    internal static ActivationData? Constructing => constructing;

    /// <summary>The activation whose turn is running on this logical call flow, if any.</summary>
    internal static ActivationData? Current => CurrentActivation.Value;

    public GrainId GrainId { get; }

    public Type Implementation { get; }

    public GrainRuntime Runtime { get; }

    public Grain? Instance { get; private set; }

    /// <summary>Completes when this activation has deactivated and handed any waiting calls on.</summary>
    public Task Gone => gone.Task;

    internal List<IActivationState> States { get; } = [];

    /// <summary>Queues a turn; false when this activation is going away (wait for <see cref="Gone"/> and look again).</summary>
    /// <param name="keepsAlive">Calls keep a grain active; timer ticks do not, as in Orleans.</param>
    public bool TryEnqueue(WorkItem item, bool keepsAlive = true)
    {
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivating || requestedDeactivation is not null)
            {
                return false;
            }

            queue.Enqueue(item);
            if (keepsAlive)
            {
                lastActivity = Environment.TickCount64;
            }

            StartPumpIfIdle();
            return true;
        }
    }

    /// <summary>Asks for deactivation after the current turn; from outside a turn it starts right away.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (gate)
        {
            if (status >= ActivationStatus.Deactivating)
            {
                return;
            }

            requestedDeactivation ??= reason;
            StartPumpIfIdle();
        }
    }

    /// <summary>Deactivates if nothing has happened for <paramref name="idleFor"/> milliseconds.</summary>
    public bool TryCollectIdle(long idleFor)
    {
        lock (gate)
        {
            if (status != ActivationStatus.Active || pumping || runningTurns > 0 || queue.Count > 0
                || Environment.TickCount64 - lastActivity < idleFor)
            {
                return false;
            }

            requestedDeactivation = DeactivationReason.IdleTimeout;
            StartPumpIfIdle();
            return true;
        }
    }

    public GrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    // Called with the gate held.
    private void StartPumpIfIdle()
    {
        if (pumping)
        {
            return;
        }

        pumping = true;
        // The pump must not inherit the caller's execution context: it belongs to this grain.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Factory.StartNew(PumpAsync, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();
        }
    }

    private async Task PumpAsync()
    {
        CurrentActivation.Value = this;
        while (true)
        {
            WorkItem? item = null;
            DeactivationReason? deactivate = null;
            lock (gate)
            {
                if (requestedDeactivation is { } reason && runningTurns == 0 && status == ActivationStatus.Active)
                {
                    status = ActivationStatus.Deactivating;
                    deactivate = reason;
                }
                else if (queue.Count > 0 && (status == ActivationStatus.Active || status == ActivationStatus.Activating))
                {
                    item = queue.Dequeue();
                }
                else
                {
                    pumping = false;
                    return;
                }
            }

            if (deactivate is { } why)
            {
                await DeactivateAsync(why);
                return;
            }

            if (item!.Interleave && reentrant is false && status == ActivationStatus.Active)
            {
                // [AlwaysInterleave] on a non-reentrant grain: starts now, still on this scheduler.
                _ = RunTurnAsync(item);
            }
            else if (reentrant && status == ActivationStatus.Active)
            {
                _ = RunTurnAsync(item);
            }
            else
            {
                await RunTurnAsync(item);
            }
        }
    }

    private async Task RunTurnAsync(WorkItem item)
    {
        Interlocked.Increment(ref runningTurns);
        try
        {
            await item.RunAsync(this);
        }
        finally
        {
            lock (gate)
            {
                runningTurns--;
                // A reentrant grain's last turn may end after the pump has gone idle with a deactivation pending.
                if (runningTurns == 0 && requestedDeactivation is not null)
                {
                    StartPumpIfIdle();
                }
            }
        }
    }

    private async Task<object?> ActivateAsync()
    {
        try
        {
            constructing = this;
            try
            {
                Instance = GrainActivator.Create(this);
            }
            finally
            {
                constructing = null;
            }

            foreach (var state in States)
            {
                await state.LoadAsync(CancellationToken.None);
            }

            using var timeout = new CancellationTokenSource(Runtime.Options.CallTimeout);
            await Instance.OnActivateAsync(timeout.Token);
            lock (gate)
            {
                status = ActivationStatus.Active;
            }

            return null;
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "Activation of {Grain} failed", GrainId);
            var waiting = Close();
            catalog.Forget(this);
            foreach (var call in waiting)
            {
                call.Fail(new ActivationFailedException(GrainId, exception));
            }

            gone.TrySetResult();
            throw;
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        GrainTimer[] stopping;
        lock (gate)
        {
            stopping = [.. timers];
            timers.Clear();
        }

        foreach (var timer in stopping)
        {
            timer.Dispose();
        }

        try
        {
            using var timeout = new CancellationTokenSource(Runtime.Options.DeactivationTimeout);
            await Instance!.OnDeactivateAsync(reason, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "OnDeactivateAsync of {Grain} failed", GrainId);
        }

        // Calls that queued behind the deactivation go, in order, to the next activation.
        catalog.Retire(this, Close());
        gone.TrySetResult();
    }

    /// <summary>Marks this activation deactivated and hands back the turns still waiting in its queue.</summary>
    private List<WorkItem> Close()
    {
        lock (gate)
        {
            status = ActivationStatus.Deactivated;
            List<WorkItem> waiting = [.. queue];
            queue.Clear();
            pumping = false;
            return waiting;
        }
    }
}
