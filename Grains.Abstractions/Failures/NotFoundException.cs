using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The thing asked for does not exist in this organization.</summary>
[GenerateSerializer, Alias("NotFoundException")]
public sealed class NotFoundException(string message) : DomainException("not-found", message);
