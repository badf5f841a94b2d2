using Orleans;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// Holds a room for a guest for the nights [CheckIn, CheckOut): a given room, or any free room of a
/// room type. The hold lapses unless confirmed in time.
/// </summary>
[GenerateSerializer, Immutable, Alias("HoldBooking")]
public sealed record HoldBooking(string PropertyId, string? RoomId, string? RoomType, DateOnly CheckIn, DateOnly CheckOut, Guest Guest);
