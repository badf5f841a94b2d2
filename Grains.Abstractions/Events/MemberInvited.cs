using Orleans;
using Actors.Grains.Abstractions.Users;

namespace Actors.Grains.Abstractions.Events;

/// <summary>An owner invited someone to join (the token is never in the log).</summary>
[GenerateSerializer, Immutable, Alias("MemberInvited")]
public sealed record MemberInvited(string OrganizationId, string Email, Role Role, string InvitedBy, DateTimeOffset ExpiresAt);
