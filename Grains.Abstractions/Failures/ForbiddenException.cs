using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The caller is known but may not do this here (not a member, or a role too low).</summary>
[GenerateSerializer, Alias("ForbiddenException")]
public sealed class ForbiddenException(string message) : DomainException("forbidden", message);
