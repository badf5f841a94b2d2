using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The request clashes with what already exists (an id taken, a room still holding stays).</summary>
[GenerateSerializer, Alias("ConflictException")]
public sealed class ConflictException(string message) : DomainException("conflict", message);
