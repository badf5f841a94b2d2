using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>The guest left on <paramref name="Departed"/>; the room is dirty.</summary>
[GenerateSerializer, Immutable, Alias("GuestCheckedOut")]
public sealed record GuestCheckedOut(string BookingId, string PropertyId, string RoomId, DateOnly CheckIn, DateOnly Departed);
