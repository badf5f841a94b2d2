using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// A subscription's life as the platform acts on it, after Stripe's statuses: waiting for its first
/// payment, active (the plan applies), past due (an invoice failed; the plan applies for a grace period
/// while Stripe retries, then the free plan's limits), ended, trialing (the plan applies, nothing paid
/// yet), paused (a trial ended without a payment method) or unpaid (Stripe gave up retrying); the last two
/// keep the organization's data under the free plan's limits. New values go at the end: states store them.
/// </summary>
[GenerateSerializer, Alias("SubscriptionStatus")]
public enum SubscriptionStatus
{
    Incomplete,
    Active,
    PastDue,
    Ended,
    Trialing,
    Paused,
    Unpaid,
}
