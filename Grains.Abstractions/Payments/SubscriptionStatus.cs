using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A subscription's life as the platform acts on it: waiting for its first payment, active (the plan
/// applies), past due (an invoice failed; the plan still applies while Stripe retries), or ended.
/// </summary>
[GenerateSerializer, Alias("SubscriptionStatus")]
public enum SubscriptionStatus
{
    Incomplete,
    Active,
    PastDue,
    Ended,
}
