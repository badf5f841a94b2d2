using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room was taken out of service for good.</summary>
[GenerateSerializer, Immutable, Alias("RoomRetired")]
public sealed record RoomRetired(string PropertyId, string RoomId);
