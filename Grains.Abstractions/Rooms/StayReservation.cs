using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>
/// Asks a room to keep the nights [CheckIn, CheckOut) for a booking. With <paramref name="HoldUntil"/>
/// it is a hold that lapses by itself at that time, so a hold whose booking never got saved cannot
/// block the room for ever; without it the nights are booked.
/// </summary>
[GenerateSerializer, Immutable, Alias("StayReservation")]
public sealed record StayReservation(string BookingId, DateOnly CheckIn, DateOnly CheckOut, DateTimeOffset? HoldUntil);
