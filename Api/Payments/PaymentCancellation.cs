using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Payments;

namespace Actors.Api.Payments;

/// <summary>A cancelled booking (with the fee it reports) and its payment with the refund made (null when nothing was paid).</summary>
public sealed record PaymentCancellation(BookingView Booking, PaymentView? Payment);
