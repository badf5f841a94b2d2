using Orleans;

namespace Actors.Grains.Abstractions.Organizations;

/// <summary>An organization as its members see it: plan, limits and properties.</summary>
[GenerateSerializer, Immutable, Alias("OrganizationView")]
public sealed record OrganizationView(string Id, string Name, Plan Plan, PlanLimits Limits, IReadOnlyList<string> Properties);
