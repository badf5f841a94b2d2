namespace Actors.Api.Mail;

/// <summary>A mail to one person, in plain text and in simple HTML with the same words and links.</summary>
public sealed record OutgoingMail(string To, string ToName, string Subject, string Text, string Html);
