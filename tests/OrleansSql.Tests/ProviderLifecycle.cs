using Orleans;
using Orleans.Runtime;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// Runs the start-up step a provider subscribes to the silo lifecycle (the grain storage reads
/// its queries there), without starting a whole silo.
/// </summary>
public sealed class ProviderLifecycle : ISiloLifecycle
{
    private readonly List<(int Stage, ILifecycleObserver Observer)> observers = [];

    public int HighestCompletedStage { get; private set; }

    public int LowestStoppedStage { get; private set; }

    public static async Task StartAsync(ILifecycleParticipant<ISiloLifecycle> participant)
    {
        var lifecycle = new ProviderLifecycle();
        participant.Participate(lifecycle);
        foreach (var (stage, observer) in lifecycle.observers.OrderBy(o => o.Stage))
        {
            await observer.OnStart(CancellationToken.None);
            lifecycle.HighestCompletedStage = stage;
        }
    }

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        observers.Add((stage, observer));
        return new Unsubscriber();
    }

    private sealed class Unsubscriber : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
