using Orleans;
using Actors.Grains.Abstractions.Bookings;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>The booking after money moved, and the payment with any refunds still owed (null when nothing was ever paid).</summary>
[GenerateSerializer, Immutable, Alias("PaymentSettlement")]
public sealed record PaymentSettlement(PaymentView? Payment, BookingView? Booking)
{
    public IReadOnlyList<RefundDue> RefundsDue => Payment?.RefundsDue ?? [];
}
