using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Payments;

namespace Actors.Api.Payments;

/// <summary>
/// A booking's payment as the guest's browser needs it: the client secret to confirm the PaymentIntent
/// with Stripe.js (null once paid), Stripe's status of the intent, and the booking's status.
/// </summary>
public sealed record GuestPayment(PaymentView Payment, BookingStatus BookingStatus, string IntentStatus, string? ClientSecret);
