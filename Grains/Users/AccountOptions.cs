namespace Actors.Grains.Users;

/// <summary>Password hashing and lockout, bound from the "Accounts" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP's 2023 figure). Each hash records its
    /// own count, so raising this upgrades old hashes at their next sign-in; tests lower it to stay fast.
    /// </summary>
    public int PasswordIterations { get; set; } = 600_000;

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses every password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a password reset link works after it is mailed: short, since whoever reads the mailbox can use it.</summary>
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
