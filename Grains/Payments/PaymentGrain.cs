using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Payments;

/// <summary>
/// A booking's money. Success, failure and cancellation of one booking pass through this grain one at
/// a time, so a payment racing a cancellation ends either confirmed-then-refunded-minus-fee or
/// cancelled-then-refunded-in-full, never both and never neither. The booking grain stays unaware of money.
/// </summary>
[GrainType("payment")]
internal sealed class PaymentGrain(
    [PersistentState("payment")] IPersistentState<PaymentState> payment,
    TimeProvider time) : Grain, IPaymentGrain
{
    private string org = "";
    private string bookingId = "";

    private PaymentState State => payment.State;

    private IBookingGrain Booking => GrainFactory.GetGrain<IBookingGrain>(GrainKeys.Booking(org, bookingId));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GrainKeys.Split(this.GetPrimaryKeyString());
        (org, bookingId) = (key[0], key[^1]);
        return Task.CompletedTask;
    }

    public Task<PaymentView?> Find() => Task.FromResult(State.Exists ? View() : null);

    public async Task<PaymentView> Start(PaymentIntentFacts intent)
    {
        Check(intent);
        if (State.Exists && State.IntentId.Length > 0)
        {
            // The intent comes from an idempotent request keyed by the booking, so another one means the account changed under us.
            return State.IntentId == intent.Id
                ? View()
                : throw new ConflictException($"Booking '{bookingId}' already has payment '{State.IntentId}'.");
        }

        Adopt(intent);
        await payment.WriteStateAsync();
        return View();
    }

    public async Task<PaymentSettlement> Succeed(PaymentIntentFacts intent)
    {
        Check(intent);
        if (State.SettledIntents.Contains(intent.Id))
        {
            return new PaymentSettlement(View(), await FindBooking());
        }

        if (State.Status == PaymentStatus.Succeeded)
        {
            // Paid twice (say, two browser tabs): the booking keeps the first payment, the second goes back whole.
            State.SettledIntents.Add(intent.Id);
            State.Due.Add(new RefundDue(intent.Id, intent.Amount, RefundReasons.Duplicate));
            await payment.WriteStateAsync();
            return new PaymentSettlement(View(), await FindBooking());
        }

        if (await FindBooking() is { Status: not (BookingStatus.Expired or BookingStatus.Cancelled) } owing && Mismatch(intent, owing) is { } mismatch)
        {
            // Confirming on any money that arrives would let 0.01 EUR hold a 720 EUR stay: the hold stays and the money goes back.
            // The intent is not adopted as the booking's own, so the guest can still pay through the platform.
            if (!State.Exists)
            {
                State.Exists = true;
                State.Account = intent.Account;
                State.Amount = mismatch.Owed;
                State.Currency = mismatch.OwedCurrency;
            }

            State.SettledIntents.Add(intent.Id);
            State.Mismatches.Add(mismatch);
            State.Due.Add(new RefundDue(intent.Id, intent.Amount, RefundReasons.AmountMismatch));
            await payment.WriteStateAsync();
            return new PaymentSettlement(View(), owing);
        }

        // The booking first and the state after, so a failed call leaves nothing half-changed in memory.
        var booking = await ConfirmBooking();
        if (booking?.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.CheckedOut)
        {
            // Before the payment's own write: a failure here fails the webhook, Stripe sends it again, and the booking counts it once.
            booking = await Booking.RecordPayment(intent.Id, MinorUnits.ToAmount(intent.Amount, intent.Currency));
        }

        if (!State.Exists || State.IntentId != intent.Id)
        {
            Adopt(intent);
        }

        State.SettledIntents.Add(intent.Id);
        State.Status = PaymentStatus.Succeeded;
        State.PaidAt = time.GetUtcNow();
        if (booking?.Status is null or BookingStatus.Expired or BookingStatus.Cancelled)
        {
            State.Due.Add(new RefundDue(intent.Id, intent.Amount, booking?.Status == BookingStatus.Expired ? RefundReasons.HoldExpired : RefundReasons.BookingGone));
        }

        await payment.WriteStateAsync();
        return new PaymentSettlement(View(), booking);
    }

    public async Task<PaymentView> Fail(PaymentIntentFacts intent, PaymentFailure failure)
    {
        Check(intent);
        if (State.Failures.Any(f => f.AttemptId == failure.AttemptId))
        {
            return View();
        }

        if (!State.Exists)
        {
            Adopt(intent);
        }

        State.Failures.Add(failure);
        if (State.Status != PaymentStatus.Succeeded)
        {
            // A failure reported after a success is an earlier attempt arriving late; the money still came.
            State.Status = PaymentStatus.Failed;
        }

        await payment.WriteStateAsync();
        return View();
    }

    public async Task<PaymentSettlement> Cancel()
    {
        BookingView booking;
        try
        {
            booking = await Booking.Cancel();
        }
        catch (InvalidTransitionException)
        {
            // Cancelled by an earlier attempt that failed before the refund: settle it now.
            booking = await Booking.Get();
            if (booking.Status != BookingStatus.Cancelled)
            {
                throw;
            }
        }

        return await SettleAsync(booking);
    }

    public async Task<PaymentSettlement> SettleCancellation()
    {
        var booking = await Booking.Get();
        if (booking.Status != BookingStatus.Cancelled)
        {
            throw new InvalidTransitionException($"Booking '{bookingId}' is {booking.Status}, not cancelled: there is nothing to settle.");
        }

        return await SettleAsync(booking);
    }

    // What a cancelled booking owes back: what was paid minus its cancellation fee, less what is already due or refunded.
    private async Task<PaymentSettlement> SettleAsync(BookingView booking)
    {
        if (State.Status == PaymentStatus.Succeeded)
        {
            var fee = MinorUnits.From(booking.CancellationFee ?? 0m, State.Currency);
            var owed = Math.Max(0, State.Amount - fee);
            var covered = State.Due.Where(d => d.IntentId == State.IntentId).Sum(d => d.Amount)
                + State.Refunds.Where(r => r.IntentId == State.IntentId).Sum(r => r.Amount);
            if (owed > covered)
            {
                State.Due.Add(new RefundDue(State.IntentId, owed - covered, RefundReasons.Cancelled));
                await payment.WriteStateAsync();
            }
        }

        return new PaymentSettlement(State.Exists ? View() : null, booking);
    }

    public async Task<PaymentView> Refunded(PaymentRefund refund)
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"Booking '{bookingId}' has no payment.");
        }

        if (State.Refunds.Any(r => r.RefundId == refund.RefundId))
        {
            return View();
        }

        // On the booking first, as a payment is: should this write fail, settling again (the refund is idempotent at Stripe) records both.
        await Booking.RecordRefund(refund.RefundId, refund.IntentId, MinorUnits.ToAmount(refund.Amount, State.Currency));
        State.Refunds.Add(refund);
        State.Due.RemoveAll(d => d.IntentId == refund.IntentId && d.Reason == refund.Reason);
        await payment.WriteStateAsync();
        return View();
    }

    private static void Check(PaymentIntentFacts intent)
    {
        var errors = new FieldErrors();
        errors.Required(intent.Id, "intent.id");
        errors.Required(intent.Account, "intent.account");
        errors.Currency(intent.Currency, "intent.currency");
        if (intent.Amount <= 0)
        {
            errors.Add("intent.amount", "Must be positive.");
        }

        errors.ThrowIfAny();
    }

    /// <summary>What is wrong with the payment against what the booking owes, or null when it pays exactly that.</summary>
    private PaymentMismatch? Mismatch(PaymentIntentFacts intent, BookingView booking)
    {
        var owed = MinorUnits.From(booking.Total, booking.Currency);
        return intent.Amount == owed && string.Equals(intent.Currency, booking.Currency, StringComparison.OrdinalIgnoreCase)
            ? null
            : new PaymentMismatch(intent.Id, intent.Amount, intent.Currency, owed, booking.Currency.ToUpperInvariant(), time.GetUtcNow());
    }

    private void Adopt(PaymentIntentFacts intent)
    {
        State.Exists = true;
        State.IntentId = intent.Id;
        State.Account = intent.Account;
        State.Amount = intent.Amount;
        State.Currency = intent.Currency;
    }

    /// <summary>Confirms the hold, or tells why it cannot be: null when the booking does not exist.</summary>
    private async Task<BookingView?> ConfirmBooking()
    {
        try
        {
            return await Booking.Confirm();
        }
        catch (InvalidTransitionException)
        {
            // Confirmed already (a repeat, or a manager), or expired or cancelled: the booking says which.
            return await Booking.Get();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private async Task<BookingView?> FindBooking()
    {
        try
        {
            return await Booking.Get();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private PaymentView View() => new(
        bookingId,
        State.IntentId,
        State.Account,
        State.Amount,
        State.Currency,
        State.Status,
        State.PaidAt,
        [.. State.Failures],
        [.. State.Refunds],
        [.. State.Due],
        [.. State.Mismatches]);
}
