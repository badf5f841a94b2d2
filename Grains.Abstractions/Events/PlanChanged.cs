using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Events;

/// <summary>An organization moved to another plan.</summary>
[GenerateSerializer, Immutable, Alias("PlanChanged")]
public sealed record PlanChanged(string OrganizationId, Plan From, Plan To);
