using Actors.Grains.Abstractions.Users;

namespace Actors.Grains.Organizations;

/// <summary>An open invitation; only the SHA-256 of its secret is kept, so a stolen state row cannot be used to join.</summary>
internal sealed class InvitationState
{
    public string SecretHash { get; set; } = "";

    public string Email { get; set; } = "";

    public Role Role { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
