using Actors.Runtime.Activation;
using Actors.Runtime.Cluster;
using Actors.Runtime.Transport;

namespace Actors.Runtime.Invocation;

/// <summary>
/// Sends each call to the silo that owns its grain by rendezvous placement: this silo's catalog
/// when it is the owner, otherwise over the persistent connection to the owner. Every call is
/// bounded by the call timeout; a lost owner gives a clear error, never a silent drop.
/// </summary>
internal sealed class ClusterCallRouter(
    Catalog catalog,
    ClusterMembership membership,
    RendezvousPlacement placement,
    SiloConnections connections,
    SiloOptions options) : IGrainCallRouter
{
    public async Task<object?> InvokeAsync(GrainCall call)
    {
        var owner = placement.OwnerOf(call.Target);
        if (owner is null ? membership.HostsGrains : owner == membership.Self)
        {
            return await LocalAsync(call);
        }

        if (owner is null)
        {
            throw new SiloUnavailableException($"No silo hosting grains is alive to take the call to {call.Target}.");
        }

        return await connections.Get(owner).InvokeAsync(call, options.CallTimeout);
    }

    private async Task<object?> LocalAsync(GrainCall call)
    {
        try
        {
            return await catalog.InvokeAsync(call).WaitAsync(options.CallTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Call {call.Method.Method.Name} to {call.Target} did not complete within {options.CallTimeout}.");
        }
    }
}
