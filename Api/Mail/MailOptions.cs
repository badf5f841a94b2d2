using MailKit.Security;

namespace Actors.Api.Mail;

/// <summary>
/// The SMTP server mails go through, bound from the "Mail" section. Without a Host (the embedded
/// default) mails are written to the log instead, so sign-up, invitations and resets still work.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server's host name; empty means "write mails to the log".</summary>
    public string? Host { get; set; }

    /// <summary>587 is the submission port most providers take with StartTls; 465 goes with SslOnConnect.</summary>
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect, StartTlsWhenAvailable or Auto (MailKit's choice by port).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Signs in to the server when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address; many servers refuse one of another domain than the account's.</summary>
    public string From { get; set; } = "no-reply@localhost";

    /// <summary>The sender's name people see; the product's name when empty.</summary>
    public string? FromName { get; set; }

    /// <summary>
    /// Where links in mails point, such as "https://stays.example.com"; when empty, the scheme and host
    /// of the request that caused the mail (right behind a trusted proxy, see TrustedProxies).
    /// </summary>
    public Uri? LinkBase { get; set; }

    /// <summary>How many times a mail is tried before it is given up (and logged as lost).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the second try; it doubles for each try after.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Mails waiting to go at most; beyond it new ones are dropped and logged, so a dead server cannot fill memory.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>How long one SMTP conversation may take before it counts as a failed try.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
