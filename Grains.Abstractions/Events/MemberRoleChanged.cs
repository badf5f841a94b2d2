using Orleans;
using Actors.Grains.Abstractions.Users;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A member's role changed.</summary>
[GenerateSerializer, Immutable, Alias("MemberRoleChanged")]
public sealed record MemberRoleChanged(string OrganizationId, string Email, Role From, Role To);
