namespace Actors.Runtime;

/// <summary>A grain on another silo threw an exception that could not be rebuilt here as its own type.</summary>
public sealed class RemoteGrainException(string remoteType, string message) : Exception($"{remoteType}: {message}")
{
    public string RemoteType { get; } = remoteType;
}
