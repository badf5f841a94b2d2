using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>The guest arrived and is in the room.</summary>
[GenerateSerializer, Immutable, Alias("GuestCheckedIn")]
public sealed record GuestCheckedIn(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut);
