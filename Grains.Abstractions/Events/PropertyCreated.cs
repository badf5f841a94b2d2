using Orleans;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A property was opened with its settings and room types.</summary>
[GenerateSerializer, Immutable, Alias("PropertyCreated")]
public sealed record PropertyCreated(string PropertyId, PropertySettings Settings, IReadOnlyList<RoomType> RoomTypes);
