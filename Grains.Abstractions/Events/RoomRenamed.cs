using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room got another name.</summary>
[GenerateSerializer, Immutable, Alias("RoomRenamed")]
public sealed record RoomRenamed(string PropertyId, string RoomId, string Name);
