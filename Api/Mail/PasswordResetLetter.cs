using System.Globalization;

namespace Actors.Api.Mail;

/// <summary>The mail with a one-time link that sets a new password.</summary>
public static class PasswordResetLetter
{
    public static OutgoingMail Write(string email, string name, Uri reset, DateTimeOffset expiresAt, string product) =>
        new Letter()
            .Paragraph($"Hello {name},")
            .Paragraph($"Someone asked to set a new password for your {product} account, {email}.")
            .Link("Set a new password", reset)
            .Paragraph(string.Create(CultureInfo.InvariantCulture, $"The link works once, until {expiresAt.UtcDateTime:HH:mm} UTC on {expiresAt.UtcDateTime:dddd d MMMM yyyy}. If it was not you, ignore this mail: your password stays as it is."))
            .To(email, name, $"Set a new password for {product}");
}
