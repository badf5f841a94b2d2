using Actors.Api.Mail;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Microsoft.Extensions.Options;
using Orleans;
using Stripe;
using RefundReasons = Actors.Grains.Abstractions.Payments.RefundReasons;

namespace Actors.Api.Payments;

/// <summary>
/// Guests paying for holds, over Stripe PaymentIntents. Stripe is called here, the facts go to the
/// booking's payment grain; each step is safe to repeat, so a failed request is fixed by sending it again.
/// </summary>
public sealed class GuestPayments(
    IGrainFactory grains, StripeClients stripe, StripeKeys keys, IOptions<StripeOptions> options, TimeProvider time, GuestConfirmationMail confirmationMail)
{
    /// <summary>Creates the booking's PaymentIntent once (later calls get the same one) and confirms it when given a payment method.</summary>
    public async Task<GuestPayment> StartAsync(string org, string bookingId, string? paymentMethod, string? attemptKey, CancellationToken cancellationToken)
    {
        var booking = await Booking(org, bookingId).Get();
        var grain = Payment(org, bookingId);
        var payment = await grain.Find();
        if (payment?.Status == PaymentStatus.Succeeded)
        {
            return new GuestPayment(payment, booking.Status, "succeeded", null);
        }

        if (booking.Status != BookingStatus.Held)
        {
            throw new InvalidTransitionException($"Only a held booking can be paid; this one is {booking.Status}.");
        }

        StripeKey key;
        PaymentIntent intent;
        if (payment is { IntentId.Length: > 0 })
        {
            key = await keys.ForAccountAsync(payment.Account);
            intent = await stripe.For(key).V1.PaymentIntents.GetAsync(payment.IntentId, cancellationToken: cancellationToken);
        }
        else
        {
            key = await keys.ForGuestsOfAsync(org);
            var create = new PaymentIntentCreateOptions
            {
                Amount = MinorUnits.From(booking.Total, booking.Currency),
                Currency = booking.Currency.ToLowerInvariant(),
                AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true },
                Description = $"Booking {bookingId}: {booking.PropertyId}, {booking.CheckIn:yyyy-MM-dd} to {booking.CheckOut:yyyy-MM-dd}",
                ReceiptEmail = booking.Guest.Email,
                Metadata = Metadata(org, bookingId, booking.PropertyId),
            };
            intent = await stripe.For(key).V1.PaymentIntents.CreateAsync(create, StripeClients.Idempotent(IdempotencyKeys.PaymentIntent(org, bookingId)), cancellationToken);
            payment = await grain.Start(Facts(intent, key.Account));
        }

        if (paymentMethod is not null && intent.Status is "requires_payment_method" or "requires_confirmation")
        {
            try
            {
                var confirm = new PaymentIntentConfirmOptions { PaymentMethod = paymentMethod, ReturnUrl = options.Value.ReturnUrl?.ToString() };
                intent = await stripe.For(key).V1.PaymentIntents.ConfirmAsync(
                    intent.Id,
                    confirm,
                    StripeClients.Idempotent(IdempotencyKeys.Confirm(org, bookingId, intent.Id, attemptKey ?? paymentMethod)),
                    cancellationToken);
            }
            catch (StripeException declined) when (declined.StripeError?.Type == "card_error")
            {
                // The hold stays until it lapses; the guest may try another card meanwhile.
                var error = declined.StripeError;
                var failure = new PaymentFailure(intent.Id, error.Code ?? "card_error", error.DeclineCode, error.Message ?? "The card was declined.", time.GetUtcNow(), error.Charge ?? $"confirm:{attemptKey ?? paymentMethod}");
                await grain.Fail(Facts(intent, key.Account), failure);
                throw;
            }
        }

        if (intent.Status == "succeeded")
        {
            var settlement = await SettleAsync(org, bookingId, Facts(intent, key.Account), cancellationToken);
            return new GuestPayment(settlement.Payment!, settlement.Booking?.Status ?? booking.Status, intent.Status, null);
        }

        return new GuestPayment(payment, booking.Status, intent.Status, intent.ClientSecret);
    }

    /// <summary>Returns the booking's payment, or fails with not-found when none was started.</summary>
    public async Task<PaymentView> GetAsync(string org, string bookingId)
    {
        await Booking(org, bookingId).Get();
        return await Payment(org, bookingId).Find() ?? throw new NotFoundException($"Booking '{bookingId}' has no payment.");
    }

    /// <summary>Money arrived: confirms the hold, or gives the money back when the booking is gone.</summary>
    public async Task<PaymentSettlement> SettleAsync(string org, string bookingId, PaymentIntentFacts intent, CancellationToken cancellationToken)
    {
        var settlement = await Payment(org, bookingId).Succeed(intent);
        if (settlement.Booking?.Status == BookingStatus.Confirmed)
        {
            await confirmationMail.SendAsync(org, bookingId);
        }

        return settlement with { Payment = await RefundOwedAsync(org, bookingId, settlement.Payment, cancellationToken) };
    }

    public Task<PaymentView> RecordFailureAsync(string org, string bookingId, PaymentIntentFacts intent, PaymentFailure failure) =>
        Payment(org, bookingId).Fail(intent, failure);

    /// <summary>Cancels the booking under its policy and refunds what was paid minus the fee it reports.</summary>
    public async Task<PaymentCancellation> CancelAsync(string org, string bookingId, CancellationToken cancellationToken)
    {
        var settlement = await Payment(org, bookingId).Cancel();
        var payment = await RefundOwedAsync(org, bookingId, settlement.Payment, cancellationToken);
        return new PaymentCancellation(settlement.Booking!, payment);
    }

    /// <summary>Refunds what a booking cancelled by another route is owed; nothing when it was never paid.</summary>
    public async Task<PaymentView?> SettleCancellationAsync(string org, string bookingId, CancellationToken cancellationToken)
    {
        var settlement = await Payment(org, bookingId).SettleCancellation();
        return await RefundOwedAsync(org, bookingId, settlement.Payment, cancellationToken);
    }

    /// <summary>Makes every refund the payment owes. The key names the intent and the reason, so a retry never refunds twice.</summary>
    private async Task<PaymentView?> RefundOwedAsync(string org, string bookingId, PaymentView? payment, CancellationToken cancellationToken)
    {
        if (payment is null || payment.RefundsDue.Count == 0)
        {
            return payment;
        }

        var key = await keys.ForAccountAsync(payment.Account);
        foreach (var due in payment.RefundsDue)
        {
            var metadata = new Dictionary<string, string>(Metadata(org, bookingId, null)) { ["reason"] = due.Reason };
            var reason = due.Reason switch
            {
                RefundReasons.Duplicate => "duplicate",
                RefundReasons.Cancelled => "requested_by_customer",
                _ => null,
            };
            var refund = await stripe.For(key).V1.Refunds.CreateAsync(
                new RefundCreateOptions { PaymentIntent = due.IntentId, Amount = due.Amount, Reason = reason, Metadata = metadata },
                StripeClients.Idempotent(IdempotencyKeys.Refund(org, bookingId, due.IntentId, due.Reason)),
                cancellationToken);
            payment = await Payment(org, bookingId).Refunded(new PaymentRefund(refund.Id, due.IntentId, refund.Amount, due.Reason, time.GetUtcNow()));
        }

        return payment;
    }

    /// <summary>What the intent carries; once it succeeded, what was actually received.</summary>
    public static PaymentIntentFacts Facts(PaymentIntent intent, string account) =>
        new(intent.Id, intent.Status == "succeeded" && intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount, intent.Currency.ToUpperInvariant(), account);

    private static Dictionary<string, string> Metadata(string org, string bookingId, string? propertyId)
    {
        var metadata = new Dictionary<string, string> { ["org_id"] = org, ["booking_id"] = bookingId };
        if (propertyId is not null)
        {
            metadata["property_id"] = propertyId;
        }

        return metadata;
    }

    private IBookingGrain Booking(string org, string bookingId) => grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, bookingId));

    private IPaymentGrain Payment(string org, string bookingId) => grains.GetGrain<IPaymentGrain>(GrainKeys.Booking(org, bookingId));
}
