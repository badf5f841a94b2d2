using System.Globalization;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Mail;

/// <summary>The mail to someone invited into an organization, with the one-time link that accepts.</summary>
public static class InvitationLetter
{
    public static OutgoingMail Write(Invitation invitation, string organizationName, string invitedBy, Uri join, string product) =>
        new Letter()
            .Paragraph("Hello,")
            .Paragraph($"{invitedBy} invites you to join {organizationName} on {product} as {Article(invitation.Role)} {invitation.Role.ToString().ToLowerInvariant()}.")
            .Link("Accept the invitation", join)
            .Paragraph(string.Create(CultureInfo.InvariantCulture, $"The link works once, until {invitation.ExpiresAt.UtcDateTime:dddd d MMMM yyyy, HH:mm} UTC. If you did not expect it, you can ignore this mail."))
            .To(invitation.Email, "", $"{invitedBy} invites you to {organizationName}");

    private static string Article(Role role) => role == Role.Owner ? "an" : "a";
}
