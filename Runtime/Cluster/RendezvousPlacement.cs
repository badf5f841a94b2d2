using System.Text;
using Actors.Runtime.Activation;

namespace Actors.Runtime.Cluster;

/// <summary>
/// Places each grain on the live silo with the highest hash of (silo, grain): every node computes
/// the same owner from the same view without a lookup, and when a silo joins or dies only the
/// grains it wins or held move.
/// </summary>
internal sealed class RendezvousPlacement(ClusterMembership membership) : IGrainOwnership
{
    public SiloAddress? OwnerOf(GrainId grain)
    {
        var silos = membership.View.Silos;
        SiloAddress? owner = null;
        ulong best = 0;
        foreach (var silo in silos)
        {
            var score = Score(silo.SiloId, grain);
            if (owner is null || score > best)
            {
                owner = silo;
                best = score;
            }
        }

        return owner;
    }

    public bool IsLocal(GrainId grain) =>
        membership.HostsGrains && (OwnerOf(grain) is not { } owner || owner == membership.Self);

    // FNV-1a with a final avalanche: stable across processes and runs, unlike string.GetHashCode.
    private static ulong Score(string siloId, GrainId grain)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, siloId);
        hash = Mix(hash, "|");
        hash = Mix(hash, grain.Type);
        hash = Mix(hash, "/");
        hash = Mix(hash, grain.Key);
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    private static ulong Mix(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = text.Length * 3 <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
