namespace Actors.Runtime.Activation;

/// <summary>A piece of grain state the activation loads before OnActivateAsync.</summary>
internal interface IActivationState
{
    Task LoadAsync(CancellationToken cancellationToken);
}
