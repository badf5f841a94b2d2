using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room's block was removed: its nights can be sold again.</summary>
[GenerateSerializer, Immutable, Alias("RoomUnblocked")]
public sealed record RoomUnblocked(string PropertyId, string RoomId, string BlockId, DateOnly From, DateOnly To);
