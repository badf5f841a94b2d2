namespace Actors.Api.Mail;

/// <summary>The mail after sign-up: the organization is open, and where its board is.</summary>
public static class WelcomeLetter
{
    public static OutgoingMail Write(string email, string name, string organizationName, Uri board, string product) =>
        new Letter()
            .Paragraph($"Hello {name},")
            .Paragraph($"{organizationName} is open on {product}, with you as its owner. Add a property and its rooms, invite your team, and watch bookings arrive on the live board.")
            .Link("Open your board", board)
            .Paragraph($"You sign in with this email address, {email}, and the password you chose. If you did not sign up, you can ignore this mail.")
            .To(email, name, $"Welcome to {product}: {organizationName} is open");
}
