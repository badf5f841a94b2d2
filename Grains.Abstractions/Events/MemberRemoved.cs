using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A member left or was removed from an organization.</summary>
[GenerateSerializer, Immutable, Alias("MemberRemoved")]
public sealed record MemberRemoved(string OrganizationId, string Email);
