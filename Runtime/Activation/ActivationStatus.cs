namespace Actors.Runtime.Activation;

internal enum ActivationStatus
{
    Activating,
    Active,
    Deactivating,
    Deactivated,
}
