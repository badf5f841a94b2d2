namespace Actors.Grains.Abstractions.Properties;

/// <summary>Opens a property with its settings and the room types it sells.</summary>
public sealed record CreateProperty(PropertySettings Settings, IReadOnlyList<RoomType> RoomTypes);
