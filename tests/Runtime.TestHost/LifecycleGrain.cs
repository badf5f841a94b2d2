namespace Actors.Runtime.TestHost;

/// <summary>Tells the probe when it activates and deactivates; activation fails when its key starts with "broken".</summary>
public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>Returns the id of this activation.</summary>
    Task<Guid> Ping();

    /// <summary>Takes longer than any call timeout a test sets.</summary>
    Task Stall(TimeSpan duration);
}

public sealed class LifecycleGrain(Probe probe) : Grain, ILifecycleGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate {GetPrimaryKeyString()}");
        if (GetPrimaryKeyString().StartsWith("broken", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This grain cannot start.");
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate {GetPrimaryKeyString()} {reason}");
        return Task.CompletedTask;
    }

    public Task<Guid> Ping() => Task.FromResult(activationId);

    public Task Stall(TimeSpan duration) => Task.Delay(duration);
}
