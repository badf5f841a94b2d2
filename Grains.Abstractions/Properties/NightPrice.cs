using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>The price of one night of a stay.</summary>
[GenerateSerializer, Immutable, Alias("NightPrice")]
public sealed record NightPrice(DateOnly Night, decimal Price);
