using Actors.Runtime.Activation;
using Actors.Runtime.Transport;
using Microsoft.Extensions.Hosting;

namespace Actors.Runtime.Cluster;

/// <summary>
/// When the view changes, deactivates the grains this silo no longer owns (a new silo won them)
/// and drops connections to silos that are gone, so each grain soon has one activation again.
/// </summary>
internal sealed class OwnershipRebalancer(ClusterMembership membership, RendezvousPlacement placement, Catalog catalog, SiloConnections connections)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        membership.ViewChanged += OnViewChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        membership.ViewChanged -= OnViewChanged;
        return Task.CompletedTask;
    }

    private void OnViewChanged(MembershipView view)
    {
        catalog.DeactivateWhere(grain => !placement.IsLocal(grain), DeactivationReason.PlacementChanged);
        _ = connections.RetainOnlyAsync(view.Silos);
    }
}
