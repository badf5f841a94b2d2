using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Stripe;
using Plan = Actors.Grains.Abstractions.Organizations.Plan;

namespace Actors.Api.Payments;

/// <summary>
/// Stripe's events about subscriptions and their invoices, turned into facts for the organization's
/// billing grain; each answers what it did, which the webhook records as the event's outcome.
/// </summary>
public sealed class SubscriptionEvents(IGrainFactory grains, StripeClients stripe, StripeKeys keys, TimeProvider time)
{
    /// <summary>invoice.payment_succeeded: the subscription is paid, so its plan applies.</summary>
    public async Task<string> InvoicePaidAsync(Invoice invoice)
    {
        if (SubscriptionOf(invoice) is not (string org, string subscriptionId))
        {
            return "ignored: not a subscription of this platform";
        }

        var plan = PlanOf(invoice.Parent.SubscriptionDetails.Metadata);
        var view = await Billing(org).InvoicePaid(new InvoiceFacts(invoice.Id, subscriptionId, plan, ForNothing: invoice.AmountPaid == 0));
        return view.Subscription is { Status: SubscriptionStatus.Active or SubscriptionStatus.Trialing } paid && paid.Id == subscriptionId
            ? $"plan {paid.Plan} {(paid.Status == SubscriptionStatus.Active ? "active" : "trialing")}"
            : "ignored: not the current subscription";
    }

    /// <summary>invoice.payment_failed: recorded; the plan stays while Stripe retries the invoice.</summary>
    public async Task<string> InvoiceFailedAsync(string eventId, Invoice invoice)
    {
        if (SubscriptionOf(invoice) is not (string org, string subscriptionId))
        {
            return "ignored: not a subscription of this platform";
        }

        var failure = new InvoiceFailure(
            invoice.Id,
            subscriptionId,
            invoice.LastFinalizationError?.Code,
            $"Invoice {invoice.Id} could not be collected (attempt {Math.Max(1, invoice.AttemptCount)}).",
            time.GetUtcNow(),
            eventId);
        await Billing(org).InvoiceFailed(failure);
        return "invoice failure recorded";
    }

    /// <summary>customer.subscription.deleted: the organization is back on the free plan at once.</summary>
    public async Task<string> EndedAsync(Subscription subscription)
    {
        if (OrganizationOf(subscription) is not { } org)
        {
            return "ignored: not a subscription of this platform";
        }

        var view = await Billing(org).SubscriptionEnded(subscription.Id);
        return view.Subscription?.Id == subscription.Id ? "subscription ended; plan Free" : "ignored: not the current subscription";
    }

    /// <summary>The organization an invoice bills, from the subscription metadata Stripe copies onto it.</summary>
    public static (string Org, string SubscriptionId)? SubscriptionOf(Invoice invoice) =>
        invoice.Parent?.SubscriptionDetails is { SubscriptionId: { Length: > 0 } subscriptionId } details
        && details.Metadata?.GetValueOrDefault("org_id") is { } org && Slug.IsValid(org)
            ? (org, subscriptionId)
            : null;

    public static string? OrganizationOf(Subscription subscription) =>
        subscription.Metadata?.GetValueOrDefault("org_id") is { } org && Slug.IsValid(org) ? org : null;

    /// <summary>
    /// customer.subscription.* events: the subscription's status as Stripe has it now, read back because
    /// events arrive out of order and a late one must not undo a newer state.
    /// </summary>
    public async Task<string> ChangedAsync(Subscription reported, CancellationToken cancellationToken)
    {
        if (OrganizationOf(reported) is not { } org)
        {
            return "ignored: not a subscription of this platform";
        }

        var subscription = await stripe.For(keys.Platform()).V1.Subscriptions.GetAsync(reported.Id, cancellationToken: cancellationToken);
        if (StatusOf(subscription.Status) is not { } status)
        {
            return $"ignored: status {subscription.Status} is not one the platform acts on";
        }

        var plan = PlanOf(subscription.Metadata);
        var trialEnd = subscription.TrialEnd is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : (DateTimeOffset?)null;
        var view = await Billing(org).SubscriptionChanged(new SubscriptionUpdate(subscription.Id, plan, status, trialEnd));
        return view.Subscription?.Id == subscription.Id ? $"subscription {view.Subscription.Status}" : "ignored: not the current subscription";
    }

    // Stripe's statuses, as the platform acts on them.
    private static SubscriptionStatus? StatusOf(string status) => status switch
    {
        "trialing" => SubscriptionStatus.Trialing,
        "active" => SubscriptionStatus.Active,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" => SubscriptionStatus.Unpaid,
        "paused" => SubscriptionStatus.Paused,
        "canceled" or "incomplete_expired" => SubscriptionStatus.Ended,
        "incomplete" => SubscriptionStatus.Incomplete,
        _ => null,
    };

    private static Plan? PlanOf(Dictionary<string, string>? metadata) =>
        Enum.TryParse<Plan>(metadata?.GetValueOrDefault("plan"), ignoreCase: false, out var named) && Enum.IsDefined(named) ? named : null;

    private IBillingGrain Billing(string org) => grains.GetGrain<IBillingGrain>(org);
}
