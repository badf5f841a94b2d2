using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A property with its settings, room types and rooms.</summary>
[GenerateSerializer, Immutable, Alias("PropertyView")]
public sealed record PropertyView(
    string Id,
    PropertySettings Settings,
    IReadOnlyList<RoomTypeView> RoomTypes,
    IReadOnlyList<RoomSummary> Rooms);
