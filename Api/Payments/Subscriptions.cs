using Actors.Api.Payments.Stripe;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments;

/// <summary>
/// Organizations paying for plans, over Stripe customers and subscriptions on the platform's account.
/// Subscribing only starts the subscription: the plan moves when Stripe reports the first invoice paid.
/// </summary>
public sealed class Subscriptions(IGrainFactory grains, StripeClient stripe, StripeKeys keys, IOptions<StripeOptions> options, TimeProvider time)
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

        var key = keys.Platform();
        var metadata = new Dictionary<string, string> { ["org_id"] = org };
        if (view.CustomerId is null)
        {
            var customer = await stripe.CreateCustomerAsync(key, new NewCustomer(organization.Name, metadata), IdempotencyKeys.Customer(org), cancellationToken);
            view = await billing.CustomerCreated(customer.Id);
        }

        // The plan goes into the subscription's metadata, which Stripe copies onto its invoices.
        var subscription = await stripe.CreateSubscriptionAsync(
            key,
            new NewSubscription(view.CustomerId!, price, new Dictionary<string, string>(metadata) { ["plan"] = plan.ToString() }),
            IdempotencyKeys.Subscription(org, view.SubscriptionsSeen + 1),
            cancellationToken);
        view = await billing.SubscriptionStarted(new SubscriptionFacts(subscription.Id, plan, subscription.IsPaid));
        return new SubscriptionStart(view, subscription.IsPaid ? null : subscription.ClientSecret);
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
            await stripe.CancelSubscriptionAsync(keys.Platform(), current.Id, cancellationToken);
        }
        catch (PaymentFailedException missing) when (missing.Code == "resource_missing")
        {
            // Already gone at Stripe (cancelled there, or by an earlier attempt): only our side is left to do.
        }

        return await Billing(org).SubscriptionEnded(current.Id);
    }

    /// <summary>invoice.payment_succeeded: the subscription is paid, so its plan applies.</summary>
    public async Task<string> InvoicePaidAsync(StripeEvent invoice)
    {
        if (Subscription(invoice) is not (string org, string subscriptionId) || invoice.Field("id") is not { } invoiceId)
        {
            return "ignored: not a subscription of this platform";
        }

        var plan = Enum.TryParse<Plan>(Metadata(invoice, "plan"), ignoreCase: false, out var named) && Enum.IsDefined(named) ? named : (Plan?)null;
        var view = await Billing(org).InvoicePaid(new InvoiceFacts(invoiceId, subscriptionId, plan));
        return view.Subscription is { Status: SubscriptionStatus.Active } active && active.Id == subscriptionId
            ? $"plan {active.Plan} active"
            : "ignored: not the current subscription";
    }

    /// <summary>invoice.payment_failed: recorded; the plan stays while Stripe retries the invoice.</summary>
    public async Task<string> InvoiceFailedAsync(string eventId, StripeEvent invoice)
    {
        if (Subscription(invoice) is not (string org, string subscriptionId) || invoice.Field("id") is not { } invoiceId)
        {
            return "ignored: not a subscription of this platform";
        }

        var attempts = invoice.Number("attempt_count") ?? 1;
        var failure = new InvoiceFailure(
            invoiceId,
            subscriptionId,
            invoice.Field("last_finalization_error.code"),
            $"Invoice {invoiceId} could not be collected (attempt {attempts}).",
            time.GetUtcNow(),
            eventId);
        await Billing(org).InvoiceFailed(failure);
        return "invoice failure recorded";
    }

    /// <summary>customer.subscription.deleted: the organization is back on the free plan at once.</summary>
    public async Task<string> EndedAsync(StripeEvent subscription)
    {
        if (Metadata(subscription, "org_id") is not { } org || !Slug.IsValid(org) || subscription.Field("id") is not { } subscriptionId)
        {
            return "ignored: not a subscription of this platform";
        }

        var view = await Billing(org).SubscriptionEnded(subscriptionId);
        return view.Subscription?.Id == subscriptionId ? "subscription ended; plan Free" : "ignored: not the current subscription";
    }

    // Invoices name their subscription under "parent" since API version 2025-03-31; older versions at the top level.
    private static (string Org, string SubscriptionId)? Subscription(StripeEvent invoice)
    {
        var subscriptionId = invoice.Field("parent.subscription_details.subscription") ?? invoice.Field("subscription");
        var org = Metadata(invoice, "org_id");
        return subscriptionId is not null && org is not null && Slug.IsValid(org) ? (org, subscriptionId) : null;
    }

    private static string? Metadata(StripeEvent stripeObject, string name) =>
        stripeObject.Field($"parent.subscription_details.metadata.{name}")
        ?? stripeObject.Field($"subscription_details.metadata.{name}")
        ?? stripeObject.Field($"metadata.{name}");

    private IBillingGrain Billing(string org) => grains.GetGrain<IBillingGrain>(org);
}
