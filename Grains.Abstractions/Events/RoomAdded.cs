namespace Actors.Grains.Abstractions.Events;

/// <summary>A room was added to a property.</summary>
public sealed record RoomAdded(string PropertyId, string RoomId, string Name, string RoomType);
