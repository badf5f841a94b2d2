using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A room as the property lists it.</summary>
[GenerateSerializer, Immutable, Alias("RoomSummary")]
public sealed record RoomSummary(string Id, string Name, string RoomType, bool Retired);
