using Actors.Grains.Abstractions.Bookings;

namespace Actors.Api.Boards;

/// <summary>
/// A bar on the board: a booking's nights [CheckIn, CheckOut) in a room, its guest, how many stay
/// (null when not recorded), where it stands, its price and what was paid of it. An unassigned one
/// (booked by room type, no room given yet) shows in its type's lane; RoomId is the room kept for it.
/// </summary>
public sealed record BoardBooking(
    string Id,
    string RoomId,
    DateOnly CheckIn,
    DateOnly CheckOut,
    BookingStatus Status,
    string GuestName,
    decimal Total,
    string Currency,
    DateTimeOffset? HoldExpiresAt,
    int? Guests = null,
    decimal Paid = 0,
    bool Unassigned = false);
