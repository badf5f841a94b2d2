using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>Money Stripe gave back for an intent, and why (see <see cref="RefundReasons"/>).</summary>
[GenerateSerializer, Immutable, Alias("PaymentRefund")]
public sealed record PaymentRefund(string RefundId, string IntentId, long Amount, string Reason, DateTimeOffset At);
