using Actors.Runtime.Activation;
using Actors.Runtime.Reminders;
using Actors.Runtime.Streams;
using Actors.Runtime.Timers;

namespace Actors.Runtime;

/// <summary>
/// Base class of every grain. The runtime constructs it for one activation; its code runs one turn
/// at a time on that activation's scheduler.
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly ActivationData activation;

    protected Grain()
    {
        activation = ActivationData.Constructing
            ?? throw new InvalidOperationException("Grains are created by the runtime: use IGrainFactory.GetGrain.");
    }

    public GrainId GrainId => activation.GrainId;

    protected IGrainFactory GrainFactory => activation.Runtime.GrainFactory;

    protected IServiceProvider ServiceProvider => activation.Runtime.Services;

    public string GetPrimaryKeyString() => GrainId.Key;

    public Guid GetPrimaryKey() => Guid.ParseExact(GrainId.Key, "N");

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the current turn ends.</summary>
    protected void DeactivateOnIdle() => activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Runs a callback as a turn of this grain after <paramref name="dueTime"/>, then every <paramref name="period"/>; ends with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        activation.RegisterTimer(callback, dueTime, period);

    /// <summary>Registers a durable reminder: it outlives the activation and the process, and reactivates the grain when due.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period, CancellationToken.None);

    /// <summary>
    /// Registers or moves a durable reminder as part of the next write of <paramref name="state"/>: on
    /// PostgreSQL the reminder is on record exactly when that write commits (in memory, at once).
    /// </summary>
    protected Task RegisterOrUpdateReminder<TState>(IPersistentState<TState> state, string reminderName, TimeSpan dueTime, TimeSpan period)
        where TState : new() =>
        activation.Runtime.Reminders.RegisterOrUpdateWithAsync(state, GrainId, reminderName, dueTime, period, CancellationToken.None);

    /// <summary>Removes a reminder as part of the next write of <paramref name="state"/> (in memory, at once).</summary>
    protected Task UnregisterReminder<TState>(IPersistentState<TState> state, string reminderName)
        where TState : new() =>
        activation.Runtime.Reminders.UnregisterWithAsync(state, GrainId, reminderName, CancellationToken.None);

    protected Task UnregisterReminder(IGrainReminder reminder) =>
        activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName, CancellationToken.None);

    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        activation.Runtime.Reminders.GetAsync(GrainId, reminderName, CancellationToken.None);

    protected IStreamProvider GetStreamProvider() => activation.Runtime.Streams;
}
