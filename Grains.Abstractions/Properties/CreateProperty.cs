using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>Opens a property with its settings and the room types it sells.</summary>
[GenerateSerializer, Immutable, Alias("CreateProperty")]
public sealed record CreateProperty(PropertySettings Settings, IReadOnlyList<RoomType> RoomTypes);
