namespace Actors.Grains.Abstractions.Payments;

/// <summary>Money Stripe gave back for an intent, and why (see <see cref="RefundReasons"/>).</summary>
public sealed record PaymentRefund(string RefundId, string IntentId, long Amount, string Reason, DateTimeOffset At);
