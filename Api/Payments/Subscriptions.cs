using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.Extensions.Options;
using Stripe;
using Plan = Actors.Grains.Abstractions.Organizations.Plan;

namespace Actors.Api.Payments;

/// <summary>
/// Organizations paying for plans, over Stripe customers and subscriptions on the platform's account.
/// Subscribing only starts the subscription: the plan moves when Stripe reports the first invoice paid.
/// </summary>
public sealed class Subscriptions(IGrainFactory grains, StripeClients stripe, StripeKeys keys, IOptions<StripeOptions> options, TimeProvider time)
{
    public async Task<SubscriptionStart> SubscribeAsync(string org, Plan plan, CancellationToken cancellationToken)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(org).Get();
        var price = options.Value.Prices.TryGetValue(plan.ToString(), out var configured) && configured.Length > 0
            ? configured
            : throw PaymentFailedException.NotConfigured($"no Stripe price is configured for the {plan} plan");
        var billing = Billing(org);
        var view = await billing.Get();
        if (view.Subscription is { Status: not SubscriptionStatus.Ended } current)
        {
            // Changing plan mid-subscription (proration) is not offered yet: one subscription at a time.
            return current.Plan == plan
                ? new SubscriptionStart(view, null)
                : throw new ConflictException($"The organization already subscribes to {current.Plan}; cancel that subscription before subscribing to {plan}.");
        }

        var stripeClient = stripe.For(keys.Platform());
        var metadata = new Dictionary<string, string> { ["org_id"] = org };
        if (view.CustomerId is null)
        {
            var customer = await stripeClient.V1.Customers.CreateAsync(
                new CustomerCreateOptions { Name = organization.Name, Metadata = metadata },
                StripeClients.Idempotent(IdempotencyKeys.Customer(org)),
                cancellationToken);
            view = await billing.CustomerCreated(customer.Id);
        }

        // The plan goes into the subscription's metadata, which Stripe copies onto its invoices.
        // default_incomplete: the subscription waits for its first invoice, whose secret a browser pays with.
        var create = new SubscriptionCreateOptions
        {
            Customer = view.CustomerId,
            Items = [new SubscriptionItemOptions { Price = price }],
            PaymentBehavior = "default_incomplete",
            PaymentSettings = new SubscriptionPaymentSettingsOptions { SaveDefaultPaymentMethod = "on_subscription" },
            Metadata = new Dictionary<string, string>(metadata) { ["plan"] = plan.ToString() },
            Expand = ["latest_invoice.confirmation_secret"],
        };
        var subscription = await stripeClient.V1.Subscriptions.CreateAsync(create, StripeClients.Idempotent(IdempotencyKeys.Subscription(org, view.SubscriptionsSeen + 1)), cancellationToken);
        var paid = subscription.Status is "active" or "trialing";
        view = await billing.SubscriptionStarted(new SubscriptionFacts(subscription.Id, plan, paid));
        return new SubscriptionStart(view, paid ? null : subscription.LatestInvoice?.ConfirmationSecret?.ClientSecret);
    }

    public async Task<BillingView> GetAsync(string org)
    {
        await grains.GetGrain<IOrganizationGrain>(org).Get();
        return await Billing(org).Get();
    }

    /// <summary>Cancels the subscription at Stripe and puts the organization on the free plan at once.</summary>
    public async Task<BillingView> CancelAsync(string org, CancellationToken cancellationToken)
    {
        var view = await GetAsync(org);
        if (view.Subscription is not { Status: not SubscriptionStatus.Ended } current)
        {
            throw new NotFoundException("The organization has no subscription to cancel.");
        }

        try
        {
            await stripe.For(keys.Platform()).V1.Subscriptions.CancelAsync(current.Id, cancellationToken: cancellationToken);
        }
        catch (StripeException missing) when (missing.StripeError?.Code == "resource_missing")
        {
            // Already gone at Stripe (cancelled there, or by an earlier attempt): only our side is left to do.
        }

        return await Billing(org).SubscriptionEnded(current.Id);
    }

    /// <summary>invoice.payment_succeeded: the subscription is paid, so its plan applies.</summary>
    public async Task<string> InvoicePaidAsync(Invoice invoice)
    {
        if (SubscriptionOf(invoice) is not (string org, string subscriptionId))
        {
            return "ignored: not a subscription of this platform";
        }

        var plan = Enum.TryParse<Plan>(invoice.Parent.SubscriptionDetails.Metadata?.GetValueOrDefault("plan"), ignoreCase: false, out var named) && Enum.IsDefined(named) ? named : (Plan?)null;
        var view = await Billing(org).InvoicePaid(new InvoiceFacts(invoice.Id, subscriptionId, plan));
        return view.Subscription is { Status: SubscriptionStatus.Active } active && active.Id == subscriptionId
            ? $"plan {active.Plan} active"
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

    private IBillingGrain Billing(string org) => grains.GetGrain<IBillingGrain>(org);
}
