namespace Actors.Grains.Abstractions.Events;

/// <summary>A room got another name.</summary>
public sealed record RoomRenamed(string PropertyId, string RoomId, string Name);
