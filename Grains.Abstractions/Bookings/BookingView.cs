using System.Text.Json.Serialization;
using Orleans;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// A booking as guest and manager see it: stay, room, price, policy and where it stands.
/// <paramref name="GuestToken"/> is the guest's private link, given only in the answer to the hold
/// (and to its repeats, which return the same answer); every other read leaves it out.
/// <paramref name="Repeated"/> says the answer repeats an earlier hold with the same id (an
/// Idempotency-Key retry), so the API files the change once; clients never see it.
/// <paramref name="Guests"/> is how many people stay; null for bookings made before it was recorded.
/// <paramref name="Paid"/> is the money received for it so far; the balance due is the total less it.
/// <paramref name="Unassigned"/> says the guest booked a room type and the front desk has not yet
/// assigned a room: <paramref name="RoomId"/> is the room the system keeps for it meanwhile.
/// </summary>
[GenerateSerializer, Immutable, Alias("BookingView")]
public sealed record BookingView(
    string Id,
    string PropertyId,
    string RoomId,
    string RoomType,
    DateOnly CheckIn,
    DateOnly CheckOut,
    Guest Guest,
    BookingStatus Status,
    IReadOnlyList<NightPrice> Nights,
    decimal Total,
    string Currency,
    DateTimeOffset? HoldExpiresAt,
    CancellationPolicy Cancellation,
    decimal? CancellationFee,
    string? GuestToken = null,
    [property: JsonIgnore] bool Repeated = false,
    int? Guests = null,
    decimal Paid = 0,
    bool Unassigned = false);
