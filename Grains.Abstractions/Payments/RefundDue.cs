using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>Money owed back to the guest for an intent that Stripe has not refunded yet.</summary>
[GenerateSerializer, Immutable, Alias("RefundDue")]
public sealed record RefundDue(string IntentId, long Amount, string Reason);
