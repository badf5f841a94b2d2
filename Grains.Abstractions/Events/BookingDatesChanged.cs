using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A booking moved to other nights in the same room, at a new total.</summary>
[GenerateSerializer, Immutable, Alias("BookingDatesChanged")]
public sealed record BookingDatesChanged(string BookingId, string PropertyId, string RoomId, DateOnly FromCheckIn, DateOnly FromCheckOut, DateOnly CheckIn, DateOnly CheckOut, decimal Total);
