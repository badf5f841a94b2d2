using Orleans;
using Actors.Grains.Abstractions.Users;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A member joined an organization.</summary>
[GenerateSerializer, Immutable, Alias("MemberAdded")]
public sealed record MemberAdded(string OrganizationId, string Email, Role Role);
