using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// An organization's billing: its Stripe customer, its current subscription, how many subscriptions it
/// ever had (which keeps each new one's idempotency key fresh) and invoices that could not be collected.
/// </summary>
[GenerateSerializer, Immutable, Alias("BillingView")]
public sealed record BillingView(
    string Organization,
    string? CustomerId,
    SubscriptionView? Subscription,
    int SubscriptionsSeen,
    IReadOnlyList<InvoiceFailure> InvoiceFailures);
