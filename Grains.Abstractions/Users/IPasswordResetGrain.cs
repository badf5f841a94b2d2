using Orleans;

namespace Actors.Grains.Abstractions.Users;

/// <summary>
/// One password reset link (key: the SHA-256 of its token, hex; the token itself is never stored).
/// The link names only itself, so it is found without knowing the account; it sets one password once.
/// </summary>
[Alias("IPasswordResetGrain")]
public interface IPasswordResetGrain : IGrainWithStringKey
{
    /// <summary>Opens the link for the account at <paramref name="email"/>; returns when it expires (Accounts:ResetLinkLifetime from now).</summary>
    Task<DateTimeOffset> Open(string email);

    /// <summary>Sets the account's new password and closes the link for good; link-gone when it is unknown, used or expired.</summary>
    Task<string> Redeem(string newPassword);
}
