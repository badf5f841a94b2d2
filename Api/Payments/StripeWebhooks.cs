using Actors.Api.Payments.Stripe;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments;

/// <summary>
/// Verified Stripe events, each processed once: a delivery claims the event's grain, does the work and
/// completes it; a replay finds it done and changes nothing; a delivery racing another waits for it.
/// Types the platform does not act on are acknowledged without a trace.
/// </summary>
public sealed class StripeWebhooks(IGrainFactory grains, GuestPayments payments, Subscriptions subscriptions, IOptions<StripeOptions> options, TimeProvider time, ILogger<StripeWebhooks> logger)
{
    private delegate Task<string> Handler(string account, StripeEvent stripeEvent, CancellationToken cancellationToken);

    public async Task<WebhookReceipt> ReceiveAsync(string account, StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        if (HandlerFor(stripeEvent.Type) is not { } handler)
        {
            return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, "ignored: not an event the platform acts on", Duplicate: false);
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
            // The organization named in the metadata does not exist here; redelivering would not change that.
            outcome = $"ignored: {gone.Message}";
        }
        catch
        {
            await ReleaseAsync(record, claimant);
            throw;
        }

        await record.Complete(claimant, stripeEvent.Type, outcome);
        return new WebhookReceipt(stripeEvent.Id, stripeEvent.Type, outcome, Duplicate: false);
    }

    private Handler? HandlerFor(string type) => type switch
    {
        "payment_intent.succeeded" => PaymentSucceededAsync,
        "payment_intent.payment_failed" => PaymentFailedAsync,
        "invoice.payment_succeeded" => PlatformOnly((_, e, _) => subscriptions.InvoicePaidAsync(e)),
        "invoice.payment_failed" => PlatformOnly((_, e, _) => subscriptions.InvoiceFailedAsync(e.Id, e)),
        "customer.subscription.deleted" => PlatformOnly((_, e, _) => subscriptions.EndedAsync(e)),
        _ => null,
    };

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

    private async Task<string> PaymentSucceededAsync(string account, StripeEvent intent, CancellationToken cancellationToken)
    {
        if (BookingOf(account, intent) is not (string org, string bookingId) || Facts(account, intent) is not { } facts)
        {
            return "ignored: not a booking payment of this account";
        }

        var settlement = await payments.SettleAsync(org, bookingId, facts, cancellationToken);
        var refunded = settlement.Payment?.Refunds.Where(r => r.IntentId == facts.Id).Select(r => r.Reason).FirstOrDefault();
        return refunded is not null ? $"refunded: {refunded}" : $"booking {settlement.Booking?.Status}";
    }

    private async Task<string> PaymentFailedAsync(string account, StripeEvent intent, CancellationToken cancellationToken)
    {
        if (BookingOf(account, intent) is not (string org, string bookingId) || Facts(account, intent) is not { } facts)
        {
            return "ignored: not a booking payment of this account";
        }

        var failure = new PaymentFailure(
            facts.Id,
            intent.Field("last_payment_error.code") ?? "payment_failed",
            intent.Field("last_payment_error.decline_code"),
            intent.Field("last_payment_error.message") ?? "The payment failed.",
            time.GetUtcNow(),
            intent.Field("last_payment_error.charge") ?? intent.Field("latest_charge") ?? $"event:{intent.Id}");
        await payments.RecordFailureAsync(org, bookingId, facts, failure);
        return "failure recorded; booking stays held";
    }

    /// <summary>
    /// The booking a PaymentIntent pays for, from the metadata the platform set. On an organization's own
    /// account only its own bookings count: its signing secret must not reach another organization's.
    /// </summary>
    private static (string Org, string BookingId)? BookingOf(string account, StripeEvent intent)
    {
        var org = intent.Field("metadata.org_id");
        var bookingId = intent.Field("metadata.booking_id");
        if (!Slug.IsValid(org) || !Slug.IsValid(bookingId))
        {
            return null;
        }

        return PaymentAccounts.OrganizationOf(account) is { } owner && owner != org ? null : (org!, bookingId!);
    }

    private static PaymentIntentFacts? Facts(string account, StripeEvent intent) =>
        intent.Field("id") is { } id && intent.Number("amount") is > 0 and var amount && intent.Field("currency") is { Length: 3 } currency
            ? new PaymentIntentFacts(id, amount, currency.ToUpperInvariant(), account)
            : null;

    // Subscriptions live on the platform's account; an organization's own account has no say over plans.
    private static Handler PlatformOnly(Handler handler) =>
        (account, stripeEvent, cancellationToken) => account == PaymentAccounts.Platform
            ? handler(account, stripeEvent, cancellationToken)
            : Task.FromResult("ignored: subscriptions are billed on the platform's account");
}
