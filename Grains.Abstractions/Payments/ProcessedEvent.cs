using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>A Stripe event that was processed: its type, what processing did, and when.</summary>
[GenerateSerializer, Immutable, Alias("ProcessedEvent")]
public sealed record ProcessedEvent(string Type, string Outcome, DateTimeOffset ProcessedAt);
