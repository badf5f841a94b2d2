using Orleans;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room type was added, renamed or given another standard rate.</summary>
[GenerateSerializer, Immutable, Alias("RoomTypeSaved")]
public sealed record RoomTypeSaved(string PropertyId, RoomType RoomType);
