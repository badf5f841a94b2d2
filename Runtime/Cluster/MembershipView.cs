using System.Collections.Immutable;

namespace Actors.Runtime.Cluster;

/// <summary>The silos that host grains, as of one version of the membership table.</summary>
public sealed record MembershipView(long Version, ImmutableArray<SiloAddress> Silos)
{
    public static MembershipView Empty { get; } = new(-1, []);
}
