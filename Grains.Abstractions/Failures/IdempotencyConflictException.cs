using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>An Idempotency-Key was reused with a different request.</summary>
[GenerateSerializer, Alias("IdempotencyConflictException")]
public sealed class IdempotencyConflictException(string message) : DomainException("idempotency-conflict", message);
