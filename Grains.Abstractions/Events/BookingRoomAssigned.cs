using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>The front desk gave a booking made by room type its room: <paramref name="RoomId"/>, kept from now on.</summary>
[GenerateSerializer, Immutable, Alias("BookingRoomAssigned")]
public sealed record BookingRoomAssigned(string BookingId, string PropertyId, string RoomId);
