using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.Extensions.Options;
using Stripe;
using Plan = Actors.Grains.Abstractions.Organizations.Plan;

namespace Actors.Api.Payments;

/// <summary>
/// Organizations paying for plans, over Stripe customers and subscriptions on the platform's account:
/// subscribing (a trial the first time, else the plan moves when Stripe reports the first invoice paid),
/// cancelling, Stripe's invoices and its customer portal. Stripe's events are <see cref="SubscriptionEvents"/>.
/// </summary>
public sealed class Subscriptions(IGrainFactory grains, StripeClients stripe, StripeKeys keys, IOptions<StripeOptions> options)
{
    public async Task<SubscriptionStart> SubscribeAsync(string org, Plan plan, CancellationToken cancellationToken)
    {
        var organization = await grains.GetGrain<IOrganizationGrain>(org).Get();
        var price = options.Value.Prices.TryGetValue(plan.ToString(), out var configured) && configured.Length > 0
            ? configured
            : throw PaymentFailedException.NotConfigured($"no Stripe price is configured for the {plan} plan");
        var billing = Billing(org);
        var view = await billing.Get();
        var stripeClient = stripe.For(keys.Platform());
        if (view.Subscription is { Status: SubscriptionStatus.Paused or SubscriptionStatus.Unpaid } stalled)
        {
            // A trial that ended without a card, or dunning that gave up: subscribing again replaces it, without a second trial.
            await CancelAtStripeAsync(stripeClient, stalled.Id, cancellationToken);
            view = await billing.SubscriptionEnded(stalled.Id);
        }

        if (view.Subscription is { Status: not SubscriptionStatus.Ended } current)
        {
            // Changing plan mid-subscription (proration) is not offered yet: one subscription at a time.
            return current.Plan == plan
                ? new SubscriptionStart(view, null)
                : throw new ConflictException($"The organization already subscribes to {current.Plan}; cancel that subscription before subscribing to {plan}.");
        }

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
            Expand = ["latest_invoice.confirmation_secret", "pending_setup_intent"],
        };
        if (options.Value.TrialDays > 0 && view.SubscriptionsSeen == 0)
        {
            // One trial per organization. Without a card by its end Stripe pauses the subscription (and says
            // so in customer.subscription.updated); the pending SetupIntent's secret lets a browser save one.
            create.TrialPeriodDays = options.Value.TrialDays;
            create.TrialSettings = new SubscriptionTrialSettingsOptions
            {
                EndBehavior = new SubscriptionTrialSettingsEndBehaviorOptions { MissingPaymentMethod = "pause" },
            };
        }

        var subscription = await stripeClient.V1.Subscriptions.CreateAsync(create, StripeClients.Idempotent(IdempotencyKeys.Subscription(org, view.SubscriptionsSeen + 1)), cancellationToken);
        var paid = subscription.Status is "active" or "trialing";
        var trialEnd = subscription.Status == "trialing" && subscription.TrialEnd is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : (DateTimeOffset?)null;
        view = await billing.SubscriptionStarted(new SubscriptionFacts(subscription.Id, plan, paid, trialEnd));
        var secret = paid ? subscription.PendingSetupIntent?.ClientSecret : subscription.LatestInvoice?.ConfirmationSecret?.ClientSecret;
        return new SubscriptionStart(view, secret);
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

        await CancelAtStripeAsync(stripe.For(keys.Platform()), current.Id, cancellationToken);
        return await Billing(org).SubscriptionEnded(current.Id);
    }

    /// <summary>
    /// The invoices Stripe has for the organization, newest first; an organization that never subscribed has none.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceSummary>> InvoicesAsync(string org, CancellationToken cancellationToken)
    {
        var view = await GetAsync(org);
        if (view.CustomerId is null)
        {
            return [];
        }

        var invoices = await stripe.For(keys.Platform()).V1.Invoices.ListAsync(
            new InvoiceListOptions { Customer = view.CustomerId, Limit = 24 },
            cancellationToken: cancellationToken);
        return [.. invoices.Data.Select(InvoiceSummary.From)];
    }

    /// <summary>A session of Stripe's customer portal, where the owner manages cards, invoices and the subscription.</summary>
    public async Task<PortalSession> PortalAsync(string org, Uri returnUrl, CancellationToken cancellationToken)
    {
        var view = await GetAsync(org);
        if (view.CustomerId is null)
        {
            throw new NotFoundException("The organization has no billing account yet; subscribe to a plan first.");
        }

        var session = await stripe.For(keys.Platform()).V1.BillingPortal.Sessions.CreateAsync(
            new global::Stripe.BillingPortal.SessionCreateOptions { Customer = view.CustomerId, ReturnUrl = returnUrl.ToString() },
            StripeClients.Idempotent(IdempotencyKeys.PortalSession(org, Guid.NewGuid())),
            cancellationToken);
        return new PortalSession(session.Url);
    }

    private static async Task CancelAtStripeAsync(StripeClient stripeClient, string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await stripeClient.V1.Subscriptions.CancelAsync(subscriptionId, cancellationToken: cancellationToken);
        }
        catch (StripeException missing) when (missing.StripeError?.Code == "resource_missing")
        {
            // Already gone at Stripe (cancelled there, or by an earlier attempt): only our side is left to do.
        }
    }

    private IBillingGrain Billing(string org) => grains.GetGrain<IBillingGrain>(org);
}
