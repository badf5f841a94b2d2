using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The action is not allowed from the booking's current state.</summary>
[GenerateSerializer, Alias("InvalidTransitionException")]
public sealed class InvalidTransitionException(string message) : DomainException("invalid-transition", message);
