using Actors.Grains.Abstractions.Bookings;

namespace Actors.Api.Exports;

/// <summary>A booking an import restores under its own id.</summary>
public sealed record PlannedBooking(string Id, RestoreBooking Restore);
