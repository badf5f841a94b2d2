namespace Actors.Api.Security;

/// <summary>Per-client request limits, bound from the "RateLimits" section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, sign-up and accepting invitations: few per client, as each one guesses a password or opens an account.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Everything open to guests (searching, quoting, holding rooms, the private link), per address of
    /// callers without an account: 300 a minute lets an office or hotel lobby of guests behind one
    /// address book at once, while a script taking rooms off sale is stopped within the minute.
    /// </summary>
    public WindowLimit Public { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Every /api call of a signed-in member, per account: 600 a minute (ten a second, all minute long)
    /// is several times what a front desk clicking through a full board makes, and a burst of 200
    /// holds at once, for a group, still fits.
    /// </summary>
    public WindowLimit Member { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
}
