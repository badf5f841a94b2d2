using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Exports;

/// <summary>A property an import opens: settings and room types, the rates of nights still to sell, rooms and bookings.</summary>
public sealed record PlannedProperty(
    string Id,
    CreateProperty Create,
    IReadOnlyList<SetNightlyRates> Rates,
    IReadOnlyList<PlannedRoom> Rooms,
    IReadOnlyList<PlannedBooking> Bookings);
