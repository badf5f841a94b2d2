namespace Actors.Grains.Abstractions.Payments;

/// <summary>A Stripe event that was processed: its type, what processing did, and when.</summary>
public sealed record ProcessedEvent(string Type, string Outcome, DateTimeOffset ProcessedAt);
