using Actors.Grains.Abstractions.Audit;
using Orleans;
using Orleans.Concurrency;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// A booking (key: "org/booking"): drives its room through hold, confirmation, changes and the stay
/// itself, and undoes its own steps when a later one fails.
/// </summary>
[Alias("IBookingGrain")]
public interface IBookingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds a room; a repeat of the same request returns the first result, a different one fails with
    /// idempotency-conflict. The <paramref name="audit"/> entry, when given, commits with the hold.
    /// </summary>
    Task<BookingView> Hold(HoldBooking command, AuditEntry? audit = null);

    /// <summary>Expires the hold if its time has passed; the room's hold watch calls it, and does not wait.</summary>
    [OneWay]
    Task ExpireHoldIfDue();

    /// <summary>Returns the booking, or fails with not-found.</summary>
    Task<BookingView> Get();

    /// <summary>Confirms a hold that has not lapsed.</summary>
    Task<BookingView> Confirm();

    /// <summary>Records money received for the booking (a payment's id and amount); recording the same payment again changes nothing.</summary>
    Task<BookingView> RecordPayment(string paymentId, decimal amount);

    /// <summary>
    /// Records money given back from a payment recorded here, lowering what the booking has paid;
    /// a refund of money never recorded as paid (a duplicate, say), or recorded already, changes nothing.
    /// </summary>
    Task<BookingView> RecordRefund(string refundId, string paymentId, decimal amount);

    /// <summary>
    /// Assigns a room to a booking made by room type: <paramref name="roomId"/> (a move, when another),
    /// or, when null, the room the system keeps for it. A booking with its room assigned changes nothing
    /// when asked for that room again; for another room it is moved, not assigned.
    /// </summary>
    Task<BookingView> AssignRoom(string? roomId);

    /// <summary>Cancels a held or confirmed booking, applying the cancellation policy, and frees the room.</summary>
    Task<BookingView> Cancel();

    /// <summary>Checks the guest in, from the arrival day (in the property's time zone) on, into a clean or inspected room.</summary>
    Task<BookingView> CheckIn();

    /// <summary>Checks the guest out; the room becomes dirty and any nights left are freed.</summary>
    Task<BookingView> CheckOut();

    /// <summary>Records that the guest did not arrive, from the arrival day on; frees the room and charges the late fee.</summary>
    Task<BookingView> MarkNoShow();

    /// <summary>Moves the stay to other nights in the same room, repriced, or fails and keeps the old ones.</summary>
    Task<BookingView> ChangeDates(DateOnly checkIn, DateOnly checkOut);

    /// <summary>Returns the booking to a guest who holds its private link's secret; anyone else gets not-found.</summary>
    Task<BookingView> GetAsGuest(string secret);

    /// <summary>Confirms the hold for a guest who holds its private link's secret.</summary>
    Task<BookingView> ConfirmAsGuest(string secret);

    /// <summary>Cancels under the policy for a guest who holds its private link's secret.</summary>
    Task<BookingView> CancelAsGuest(string secret);

    /// <summary>
    /// The confirmed booking with its private link, the first time it is asked for, so the guest's
    /// confirmation is mailed once whichever door confirmed it (guest, desk or payment); null after
    /// that, or while the booking is not confirmed. Server side only: the API never returns it.
    /// </summary>
    Task<BookingView?> ClaimConfirmationMail();

    /// <summary>Moves the stay to another room of the property: the new room is taken before the old one is let go.</summary>
    Task<BookingView> MoveTo(string roomId);

    /// <summary>Brings an imported booking back in the state it had, past dates included; its room keeps the nights it still holds. A repeat of the same restore is harmless.</summary>
    Task<BookingView> Restore(RestoreBooking command);
}
