namespace Actors.Runtime.Activation;

/// <summary>The grain could not be activated (its state could not be read, or OnActivateAsync threw).</summary>
public sealed class ActivationFailedException(GrainId grain, Exception inner)
    : Exception($"Activation of grain {grain} failed: {inner.Message}", inner)
{
    public GrainId Grain { get; } = grain;
}
