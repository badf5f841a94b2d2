using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>A booking's payment: the intent, amount in minor units, failed attempts, refunds made and refunds still owed.</summary>
[GenerateSerializer, Immutable, Alias("PaymentView")]
public sealed record PaymentView(
    string BookingId,
    string IntentId,
    string Account,
    long Amount,
    string Currency,
    PaymentStatus Status,
    DateTimeOffset? PaidAt,
    IReadOnlyList<PaymentFailure> Failures,
    IReadOnlyList<PaymentRefund> Refunds,
    IReadOnlyList<RefundDue> RefundsDue)
{
    public long Refunded => Refunds.Sum(r => r.Amount);
}
