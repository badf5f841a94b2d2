using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>
/// What is known about paying for one booking (key: "org/booking"): its Stripe PaymentIntent, failed
/// attempts, and money owed back or returned. It moves the booking along when money arrives; it never
/// calls Stripe itself (the API does), so it can live on any silo.
/// </summary>
[Alias("IPaymentGrain")]
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>Returns the payment, or null when none was started for the booking.</summary>
    Task<PaymentView?> Find();

    /// <summary>Records the PaymentIntent made for the booking; the same intent again changes nothing.</summary>
    Task<PaymentView> Start(PaymentIntentFacts intent);

    /// <summary>Records that an intent succeeded and confirms the hold; when the booking can no longer be confirmed, the money is owed back.</summary>
    Task<PaymentSettlement> Succeed(PaymentIntentFacts intent);

    /// <summary>Records a failed attempt to pay; the booking stays held until its hold lapses.</summary>
    Task<PaymentView> Fail(PaymentIntentFacts intent, PaymentFailure failure);

    /// <summary>Cancels the booking under its policy and records what is owed back: what was paid minus the booking's cancellation fee.</summary>
    Task<PaymentSettlement> Cancel();

    /// <summary>Records what is owed back for a booking that was cancelled elsewhere (by the desk or the guest's link).</summary>
    Task<PaymentSettlement> SettleCancellation();

    /// <summary>Records a refund Stripe made, settling what was owed for its intent and reason.</summary>
    Task<PaymentView> Refunded(PaymentRefund refund);
}
