namespace Actors.Grains.Abstractions.Users;

/// <summary>
/// One spelling per mailbox: accounts are keyed by the trimmed, lowercased email, so "Ann@X.com"
/// and "ann@x.com " are the same person and cannot open two accounts.
/// </summary>
public static class Emails
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
