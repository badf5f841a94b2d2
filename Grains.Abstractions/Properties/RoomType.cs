using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A kind of room a guest books (e.g. "double"), with its standard nightly rate.</summary>
[GenerateSerializer, Immutable, Alias("RoomType")]
public sealed record RoomType(string Id, string Name, decimal NightlyRate);
