using Orleans;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Grains.Abstractions.Events;

/// <summary>An organization was opened.</summary>
[GenerateSerializer, Immutable, Alias("OrganizationCreated")]
public sealed record OrganizationCreated(string OrganizationId, string Name, Plan Plan);
