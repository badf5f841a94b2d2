using System.Collections.Concurrent;
using Actors.Runtime.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Activation;

/// <summary>The activations living in this silo, by grain id: created on first call, removed when they deactivate.</summary>
internal sealed class Catalog(IServiceProvider services, GrainTypeRegistry types)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> activations = new();
    private GrainRuntime? runtime;

    // Resolved on first use: the runtime needs the grain factory, which needs the router, which needs this catalog.
    private GrainRuntime Runtime => runtime ??= services.GetRequiredService<GrainRuntime>();

    public int Count => activations.Count;

    public async Task<object?> InvokeAsync(GrainCall call)
    {
        var turn = new WorkItem(
            activation => call.Method.InvokeAsync(activation.Instance!, call.Arguments),
            call.Method.AlwaysInterleave);
        while (true)
        {
            var activation = activations.GetOrAdd(call.Target, static (grain, catalog) => catalog.Create(grain), this);
            if (activation.TryEnqueue(turn))
            {
                return await turn.Completion;
            }

            await activation.Gone;
        }
    }

    public bool IsActive(GrainId grain) => activations.ContainsKey(grain);

    public async Task DeactivateAsync(GrainId grain)
    {
        if (activations.TryGetValue(grain, out var activation))
        {
            activation.RequestDeactivation(DeactivationReason.ApplicationRequested);
            await activation.Gone;
        }
    }

    public async Task DeactivateAllAsync(DeactivationReason reason)
    {
        var all = activations.Values.ToArray();
        foreach (var activation in all)
        {
            activation.RequestDeactivation(reason);
        }

        await Task.WhenAll(all.Select(a => a.Gone));
    }

    public void DeactivateWhere(Func<GrainId, bool> predicate, DeactivationReason reason)
    {
        foreach (var activation in activations.Values.Where(a => predicate(a.GrainId)))
        {
            activation.RequestDeactivation(reason);
        }
    }

    public int CollectIdle(TimeSpan idleTimeout)
    {
        var idleFor = (long)idleTimeout.TotalMilliseconds;
        return activations.Values.Count(a => a.TryCollectIdle(idleFor));
    }

    /// <summary>Removes an activation that failed to start.</summary>
    internal void Forget(ActivationData activation) =>
        activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    /// <summary>
    /// Removes a deactivated activation. Calls that queued behind its deactivation move, in their
    /// order, to a fresh activation that is published only once they are queued in it.
    /// </summary>
    internal void Retire(ActivationData activation, List<WorkItem> leftovers)
    {
        if (leftovers.Count == 0)
        {
            activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
            return;
        }

        var next = Create(activation.GrainId);
        foreach (var item in leftovers)
        {
            next.TryEnqueue(item);
        }

        activations.TryUpdate(activation.GrainId, next, activation);
    }

    private ActivationData Create(GrainId grain) =>
        new(grain, types.ImplementationOf(grain.Type), Runtime, this);
}
