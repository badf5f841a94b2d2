namespace Actors.Runtime;

/// <summary>Why an activation is going away.</summary>
public enum DeactivationReason
{
    IdleTimeout,
    ApplicationRequested,
    InconsistentState,
    ActivationFailed,
    ShuttingDown,
    PlacementChanged,
}
