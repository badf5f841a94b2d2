using Orleans;
using Orleans.Concurrency;

namespace Actors.Grains.Abstractions.Users;

/// <summary>
/// An account (key: normalized email): its hashed password, failed sign-ins and lockout, and the
/// organizations it belongs to. The organizations are the authority on membership; this list
/// follows them so a member can see where they belong.
/// </summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Opens the account; fails with a conflict if it already has a password.</summary>
    Task<UserView> Register(NewAccount account);

    /// <summary>Checks the password: the account, or sign-in-failed; locked-out after too many failures in a row.</summary>
    Task<UserView> SignIn(string password);

    /// <summary>Sets a new password (same rule as Register) and lifts any lockout; not-found when there is no account. Called by a redeemed reset link.</summary>
    Task ResetPassword(string newPassword);

    /// <summary>Returns the account, or fails with not-found.</summary>
    Task<UserView> Get();

    /// <summary>
    /// The account's current session stamp, carried by every token and cookie issued to it from
    /// now on; fails with not-found for an account without a password.
    /// </summary>
    Task<string> SessionStamp();

    /// <summary>Whether a token or cookie carrying <paramref name="stamp"/> is still good: false once the account signed out everywhere.</summary>
    [AlwaysInterleave]
    Task<bool> IsCurrentSession(string stamp);

    /// <summary>Signs the account out everywhere: every token and cookie issued to it so far stops working, on every node.</summary>
    Task EndAllSessions();

    /// <summary>Records that an organization took this account in, or changed its role (which ends the account's sessions).</summary>
    Task Joined(string organization, Role role);

    /// <summary>Records that an organization removed this account, which ends the account's sessions.</summary>
    Task Left(string organization);
}
