namespace Actors.Grains.Users;

internal sealed class PasswordResetState
{
    /// <summary>The account the link resets; null for a link never opened (an unknown token).</summary>
    public string? Email { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
