using Actors.Api.Audit;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Audit;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.Extensions.Options;
using Stripe;

namespace Actors.Api.Payments;

/// <summary>
/// Verified Stripe events, each processed once: a delivery claims the event's grain, does the work and
/// completes it; a replay finds it done and changes nothing; a delivery racing another waits for it.
/// Events the platform does not act on, or that name nothing of ours (an unknown organization, booking
/// or customer), are acknowledged and logged without a trace: Stripe would only redeliver them for days.
/// </summary>
public sealed class StripeWebhooks(IGrainFactory grains, GuestPayments payments, SubscriptionEvents subscriptions, AuditTrail audit, IOptions<StripeOptions> options, TimeProvider time, ILogger<StripeWebhooks> logger)
{
    private delegate Task<string> Handler(string account, Event stripeEvent, CancellationToken cancellationToken);

    public async Task<WebhookReceipt> ReceiveAsync(string account, Event stripeEvent, WebhookCaller caller, CancellationToken cancellationToken)
    {
        if (HandlerFor(stripeEvent.Type) is not { } handler)
        {
            return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, "ignored: not an event the platform acts on", Duplicate: false);
        }

        if (await NotOursAsync(account, stripeEvent) is { } reason)
        {
            logger.LogInformation("Stripe event {EventId} ({Type}) for account {Account} acknowledged without action: {Reason}", stripeEvent.Id, stripeEvent.Type, account, reason);
            return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, $"ignored: {reason}", Duplicate: false);
        }

        var record = grains.GetGrain<IStripeEventGrain>(PaymentKeys.Event(account, stripeEvent.Id));
        var claimant = Guid.NewGuid().ToString("N");
        if (!await ClaimAsync(record, claimant, cancellationToken))
        {
            var processed = await record.Find();
            return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, processed?.Outcome ?? "processed", Duplicate: true);
        }

        string outcome;
        try
        {
            outcome = await handler(account, stripeEvent, cancellationToken);
        }
        catch (NotFoundException gone)
        {
            // Gone between the check and the work; redelivering would not bring it back.
            outcome = $"ignored: {gone.Message}";
        }
        catch
        {
            await ReleaseAsync(record, claimant);
            throw;
        }

        await record.Complete(claimant, stripeEvent.Type, outcome);
        if (!outcome.StartsWith("ignored", StringComparison.Ordinal) && SubjectOf(account, stripeEvent) is var (org, ids))
        {
            // Filed once, by the delivery that processed the event; replays end above as duplicates.
            ids["event"] = stripeEvent.Id;
            await audit.FileAsync(new AuditEntry(org, AuditTrail.Stripe, HttpMethods.Post, caller.Route, ids, StatusCodes.Status200OK, time.GetUtcNow(), caller.RemoteAddress, caller.UserAgent));
        }

        return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, outcome, Duplicate: false);
    }

    /// <summary>The organization an event changed something of, and the ids of what it changed.</summary>
    private static (string Org, Dictionary<string, string> Ids)? SubjectOf(string account, Event stripeEvent) => stripeEvent.Data?.Object switch
    {
        PaymentIntent intent when BookingOf(account, intent) is var (org, booking) =>
            (org, new Dictionary<string, string>(StringComparer.Ordinal) { ["booking"] = booking }),
        Invoice invoice when SubscriptionEvents.SubscriptionOf(invoice) is var (org, subscription) =>
            (org, new Dictionary<string, string>(StringComparer.Ordinal) { ["subscription"] = subscription }),
        Subscription subscription when SubscriptionEvents.OrganizationOf(subscription) is { } org =>
            (org, new Dictionary<string, string>(StringComparer.Ordinal) { ["subscription"] = subscription.Id }),
        _ => null,
    };

    private Handler? HandlerFor(string type) => type switch
    {
        "payment_intent.succeeded" => PaymentSucceededAsync,
        "payment_intent.payment_failed" => PaymentFailedAsync,
        "invoice.payment_succeeded" => (_, e, _) => subscriptions.InvoicePaidAsync((Invoice)e.Data.Object),
        "invoice.payment_failed" => (_, e, _) => subscriptions.InvoiceFailedAsync(e.Id, (Invoice)e.Data.Object),
        "customer.subscription.deleted" => (_, e, _) => subscriptions.EndedAsync((Subscription)e.Data.Object),
        // A trial about to end, ended (paused without a card, active with one), past due, unpaid, resumed.
        "customer.subscription.created" or "customer.subscription.updated" or "customer.subscription.paused"
            or "customer.subscription.resumed" or "customer.subscription.trial_will_end" =>
            (_, e, cancellationToken) => subscriptions.ChangedAsync((Subscription)e.Data.Object, cancellationToken),
        _ => null,
    };

    /// <summary>Why the event cannot concern the platform, or null when it names something of ours. Reads only.</summary>
    private async Task<string?> NotOursAsync(string account, Event stripeEvent)
    {
        switch (stripeEvent.Data?.Object)
        {
            case PaymentIntent intent:
                if (BookingOf(account, intent) is not (string org, string bookingId) || Facts(account, intent) is null)
                {
                    return "not a booking payment of this account";
                }

                try
                {
                    await grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, bookingId)).Get();
                    return null;
                }
                catch (NotFoundException)
                {
                    return $"no booking '{bookingId}' in organization '{org}'";
                }

            case Invoice or Subscription when account != PaymentAccounts.Platform:
                // Subscriptions live on the platform's account; an organization's own account has no say over plans.
                return "subscriptions are billed on the platform's account";
            case Invoice invoice:
                return SubscriptionEvents.SubscriptionOf(invoice) is (string invoiced, _)
                    ? await NotOurCustomerAsync(invoiced, invoice.CustomerId)
                    : "not a subscription of this platform";
            case Subscription subscription:
                return SubscriptionEvents.OrganizationOf(subscription) is { } subscriber
                    ? await NotOurCustomerAsync(subscriber, subscription.CustomerId)
                    : "not a subscription of this platform";
            default:
                return "the event carries no object the platform acts on";
        }
    }

    // An organization's billing names its Stripe customer before any subscription exists, so an unknown
    // organization (or another platform's customer with a look-alike org_id) never matches.
    private async Task<string?> NotOurCustomerAsync(string org, string? customerId) =>
        customerId is not null && (await grains.GetGrain<IBillingGrain>(org).Get()).CustomerId == customerId
            ? null
            : $"customer '{customerId}' does not bill organization '{org}'";

    /// <summary>True when this delivery may process the event, false when it was processed already.</summary>
    private async Task<bool> ClaimAsync(IStripeEventGrain record, string claimant, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.WebhookWait;
        while (true)
        {
            switch (await record.Claim(claimant, options.Value.WebhookLease))
            {
                case WebhookClaim.Granted:
                    return true;
                case WebhookClaim.Done:
                    return false;
            }

            if (time.GetUtcNow() >= deadline)
            {
                // Answered 503: Stripe delivers again later, by when the other delivery has finished or its lease ended.
                throw new TimeoutException("Another delivery of this event is still being processed.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    private async Task ReleaseAsync(IStripeEventGrain record, string claimant)
    {
        try
        {
            await record.Release(claimant);
        }
        catch (Exception exception)
        {
            // The lease ends by itself; Stripe's next delivery just waits for it.
            logger.LogWarning(exception, "Releasing a Stripe event claim failed");
        }
    }

    private async Task<string> PaymentSucceededAsync(string account, Event stripeEvent, CancellationToken cancellationToken)
    {
        var intent = (PaymentIntent)stripeEvent.Data.Object;
        var (org, bookingId) = BookingOf(account, intent)!.Value;
        var facts = Facts(account, intent)!;
        var settlement = await payments.SettleAsync(org, bookingId, facts, cancellationToken);
        var refunded = settlement.Payment?.Refunds.Where(r => r.IntentId == facts.Id).Select(r => r.Reason).FirstOrDefault();
        return refunded is not null ? $"refunded: {refunded}" : $"booking {settlement.Booking?.Status}";
    }

    private async Task<string> PaymentFailedAsync(string account, Event stripeEvent, CancellationToken cancellationToken)
    {
        var intent = (PaymentIntent)stripeEvent.Data.Object;
        var (org, bookingId) = BookingOf(account, intent)!.Value;
        var error = intent.LastPaymentError;
        var failure = new PaymentFailure(
            intent.Id,
            error?.Code ?? "payment_failed",
            error?.DeclineCode,
            error?.Message ?? "The payment failed.",
            time.GetUtcNow(),
            error?.Charge ?? intent.LatestChargeId ?? $"event:{stripeEvent.Id}");
        await payments.RecordFailureAsync(org, bookingId, Facts(account, intent)!, failure);
        return "failure recorded; booking stays held";
    }

    /// <summary>
    /// The booking a PaymentIntent pays for, from the metadata the platform set. On an organization's own
    /// account only its own bookings count: its signing secret must not reach another organization's.
    /// </summary>
    private static (string Org, string BookingId)? BookingOf(string account, PaymentIntent intent)
    {
        var org = intent.Metadata?.GetValueOrDefault("org_id");
        var bookingId = intent.Metadata?.GetValueOrDefault("booking_id");
        if (!Slug.IsValid(org) || !Slug.IsValid(bookingId))
        {
            return null;
        }

        return PaymentAccounts.OrganizationOf(account) is { } owner && owner != org ? null : (org!, bookingId!);
    }

    private static PaymentIntentFacts? Facts(string account, PaymentIntent intent) =>
        intent.Id is { Length: > 0 } && intent.Amount > 0 && intent.Currency is { Length: 3 }
            ? GuestPayments.Facts(intent, account)
            : null;
}
