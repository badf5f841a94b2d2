namespace Actors.Grains.Abstractions.Events;

/// <summary>The guest arrived and is in the room.</summary>
public sealed record GuestCheckedIn(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly CheckOut);
