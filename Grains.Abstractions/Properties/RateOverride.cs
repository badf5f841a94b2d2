using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>The rate of one night that differs from the room type's standard rate.</summary>
[GenerateSerializer, Immutable, Alias("RateOverride")]
public sealed record RateOverride(DateOnly Night, decimal NightlyRate);
