namespace Actors.Grains.Abstractions.Properties;

/// <summary>A property with its settings, room types and rooms.</summary>
public sealed record PropertyView(
    string Id,
    PropertySettings Settings,
    IReadOnlyList<RoomTypeView> RoomTypes,
    IReadOnlyList<RoomSummary> Rooms);
