using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room was added to a property.</summary>
[GenerateSerializer, Immutable, Alias("RoomAdded")]
public sealed record RoomAdded(string PropertyId, string RoomId, string Name, string RoomType);
