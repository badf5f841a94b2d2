namespace Actors.Api.Auth;

/// <summary>Sign-in tokens and invitations, bound from the "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The HMAC-SHA256 key that signs tokens, at least 32 characters. Every node of one product
    /// must share it (a token from one node is then good on all); required unless the app runs in
    /// memory or in Development, where a random key per process is used instead.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The domain the pages' sign-in cookie is set for. Unset: Tenancy:BaseHost when that is set (so
    /// "{org}.{base}" subdomains share the sign-in), else the host that answered.
    /// </summary>
    public string? CookieDomain { get; set; }

    /// <summary>How long a sign-in token, or a page's sign-in cookie since its last use, is good for.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long an invitation can be accepted.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
