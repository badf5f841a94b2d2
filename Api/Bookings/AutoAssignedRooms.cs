using Actors.Grains.Abstractions.Bookings;

namespace Actors.Api.Bookings;

/// <summary>The bookings arriving on <paramref name="Date"/> that were given their rooms.</summary>
public sealed record AutoAssignedRooms(DateOnly Date, IReadOnlyList<BookingView> Assigned);
