using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>A booking's payment (<see cref="IntentId"/> empty while only money that did not match has arrived): the intent, amount in minor units, failed attempts, refunds made and refunds still owed, and payments that did not match what the booking owes.</summary>
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
    IReadOnlyList<RefundDue> RefundsDue,
    IReadOnlyList<PaymentMismatch> Mismatches)
{
    public long Refunded => Refunds.Sum(r => r.Amount);
}
