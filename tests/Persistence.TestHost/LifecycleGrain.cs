namespace Actors.Persistence.TestHost;

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
    private readonly Guid activation = Guid.NewGuid();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate {this.GetPrimaryKeyString()}");
        if (this.GetPrimaryKeyString().StartsWith("broken", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This grain cannot start.");
        }

        // Slow enough that racing first calls all arrive while the activation is still starting.
        await Task.Delay(50, cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate {this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task<Guid> Ping() => Task.FromResult(activation);

    public Task Stall(TimeSpan duration) => Task.Delay(duration);
}
