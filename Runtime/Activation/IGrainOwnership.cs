namespace Actors.Runtime.Activation;

/// <summary>Whether this silo is where a grain should live; one silo owns every grain until clustering says otherwise.</summary>
public interface IGrainOwnership
{
    bool IsLocal(GrainId grain);
}
