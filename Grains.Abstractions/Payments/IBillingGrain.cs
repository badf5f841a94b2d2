using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// An organization's subscription (key: the organization's id), kept in step with Stripe: the plan
/// moves up when Stripe says an invoice was paid and back to free the moment the subscription ends.
/// Every method is safe to repeat with the same facts.
/// </summary>
[Alias("IBillingGrain")]
public interface IBillingGrain : IGrainWithStringKey
{
    /// <summary>Returns the organization's billing; empty when it never subscribed.</summary>
    Task<BillingView> Get();

    /// <summary>Records the Stripe customer that pays for the organization; the first one recorded stays.</summary>
    Task<BillingView> CustomerCreated(string customerId);

    /// <summary>Records a subscription just created; a paid or trialing one moves the organization to its plan at once.</summary>
    Task<BillingView> SubscriptionStarted(SubscriptionFacts subscription);

    /// <summary>Records a paid invoice: its subscription becomes active and the organization moves to its plan.</summary>
    Task<BillingView> InvoicePaid(InvoiceFacts invoice);

    /// <summary>Records an invoice Stripe could not collect; the subscription is past due and keeps its plan for the grace period.</summary>
    Task<BillingView> InvoiceFailed(InvoiceFailure failure);

    /// <summary>Takes the subscription's status from Stripe: trialing and active apply the plan; paused and unpaid the free plan's limits.</summary>
    Task<BillingView> SubscriptionChanged(SubscriptionUpdate update);

    /// <summary>Records that a subscription ended; if it was the current one the organization is back on the free plan at once.</summary>
    Task<BillingView> SubscriptionEnded(string subscriptionId);
}
