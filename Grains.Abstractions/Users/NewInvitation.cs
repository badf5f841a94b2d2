using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>Invites the person at <paramref name="Email"/> to join with <paramref name="Role"/>, for <paramref name="ValidFor"/>.</summary>
[GenerateSerializer, Immutable, Alias("NewInvitation")]
public sealed record NewInvitation(string Email, Role Role, string InvitedBy, TimeSpan ValidFor);
