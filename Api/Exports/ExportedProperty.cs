using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Exports;

/// <summary>A property: its settings (time zone, currency, check-in/out times, cancellation policy), room types with rates, rooms and bookings.</summary>
public sealed record ExportedProperty(
    string? Id,
    PropertySettings? Settings,
    IReadOnlyList<RoomTypeView?>? RoomTypes,
    IReadOnlyList<ExportedRoom?>? Rooms,
    IReadOnlyList<ExportedBooking?>? Bookings);
