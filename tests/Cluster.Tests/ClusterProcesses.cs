namespace Actors.Cluster.Tests;

/// <summary>Tests that start clusters of node processes run one after another: a 2-core machine runs one cluster well, not two.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterProcesses
{
    public const string Name = "cluster processes";
}
