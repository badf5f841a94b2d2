using Orleans;

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

    /// <summary>Records that an organization took this account in (or changed its role).</summary>
    Task Joined(string organization, Role role);

    /// <summary>Records that an organization removed this account.</summary>
    Task Left(string organization);
}
