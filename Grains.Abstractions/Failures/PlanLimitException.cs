using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>The organization's plan does not allow another property or room.</summary>
[GenerateSerializer, Alias("PlanLimitException")]
public sealed class PlanLimitException(string message) : DomainException("plan-limit", message);
