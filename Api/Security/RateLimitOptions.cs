namespace Actors.Api.Security;

/// <summary>Per-client request limits, bound from the "RateLimits" section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, sign-up and accepting invitations: few per client, as each one guesses a password or opens an account.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Everything open to guests: searching, quoting, holding rooms, the private link.</summary>
    public WindowLimit Public { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit Member { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
}
