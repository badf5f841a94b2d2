namespace Actors.Runtime.Cluster;

/// <summary>One silo incarnation: a restarted process on the same port is a different silo.</summary>
public sealed record SiloAddress(string SiloId, string Host, int Port)
{
    public override string ToString() => SiloId;
}
