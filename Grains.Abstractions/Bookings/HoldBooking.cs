using Orleans;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// Holds a room for a guest and <paramref name="Guests"/> people in all for the nights [CheckIn, CheckOut):
/// a given room, or any free room of a room type that sleeps them. The hold lapses unless confirmed in time.
/// <paramref name="VisitId"/>, when the guest agreed to count their visit, ties the booking to it for the funnel.
/// </summary>
[GenerateSerializer, Immutable, Alias("HoldBooking")]
public sealed record HoldBooking(string PropertyId, string? RoomId, string? RoomType, DateOnly CheckIn, DateOnly CheckOut, Guest Guest, int Guests = 1, string? VisitId = null);
