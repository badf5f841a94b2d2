using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A hold was confirmed: the nights are booked.</summary>
[GenerateSerializer, Immutable, Alias("BookingConfirmed")]
public sealed record BookingConfirmed(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut);
