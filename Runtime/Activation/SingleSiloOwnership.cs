namespace Actors.Runtime.Activation;

/// <summary>A silo alone owns every grain.</summary>
internal sealed class SingleSiloOwnership : IGrainOwnership
{
    public bool IsLocal(GrainId grain) => true;
}
