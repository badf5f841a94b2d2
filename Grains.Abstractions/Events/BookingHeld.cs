using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>
/// A room was held for a guest (and <paramref name="Guests"/> people in all) until <paramref name="HoldExpiresAt"/>,
/// in the booking page's visit <paramref name="VisitId"/> when the guest agreed to count it.
/// <paramref name="Unassigned"/>: the guest booked a room type, and the room is the one the system
/// keeps for it until the front desk assigns one.
/// </summary>
[GenerateSerializer, Immutable, Alias("BookingHeld")]
public sealed record BookingHeld(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut, string GuestName, decimal Total, string Currency, DateTimeOffset HoldExpiresAt, int? Guests = null, string? VisitId = null, bool Unassigned = false);
