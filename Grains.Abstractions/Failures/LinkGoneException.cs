using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>A one-time link (a password reset) that is unknown, already used or expired: ask for a new one.</summary>
[GenerateSerializer, Alias("LinkGoneException")]
public sealed class LinkGoneException(string message) : DomainException("link-gone", message);
