namespace Actors.Runtime;

/// <summary>What readiness needs to know of the cluster: a node is no use while no silo can host its grains.</summary>
public interface IClusterStatus
{
    bool HostsGrains { get; }

    int GrainHostingSilos { get; }
}
