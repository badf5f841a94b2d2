namespace Actors.Grains.Abstractions.Payments;

/// <summary>One failed attempt to pay, as Stripe reported it in the event <paramref name="EventId"/>.</summary>
public sealed record PaymentFailure(string IntentId, string Code, string? DeclineCode, string Message, DateTimeOffset At, string EventId);
