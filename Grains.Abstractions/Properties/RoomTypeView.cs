using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A room type with its standard rate and the nights priced differently.</summary>
[GenerateSerializer, Immutable, Alias("RoomTypeView")]
public sealed record RoomTypeView(string Id, string Name, decimal NightlyRate, IReadOnlyList<RateOverride> Overrides);
