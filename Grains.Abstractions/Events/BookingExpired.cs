using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A hold lapsed unconfirmed and its room was freed.</summary>
[GenerateSerializer, Immutable, Alias("BookingExpired")]
public sealed record BookingExpired(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut);
