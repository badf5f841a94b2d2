using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// One failed attempt to pay. <paramref name="AttemptId"/> is the failed charge's id when Stripe gives
/// one (else the event's id), so a decline reported both by the API call and by the webhook is one failure.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentFailure")]
public sealed record PaymentFailure(string IntentId, string Code, string? DeclineCode, string Message, DateTimeOffset At, string AttemptId);
