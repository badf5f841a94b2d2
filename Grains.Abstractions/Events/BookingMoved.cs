using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A booking moved to another room for the same nights.</summary>
[GenerateSerializer, Immutable, Alias("BookingMoved")]
public sealed record BookingMoved(string BookingId, string PropertyId, string FromRoomId, string ToRoomId, DateOnly CheckIn, DateOnly CheckOut);
