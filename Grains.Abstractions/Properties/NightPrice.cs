namespace Actors.Grains.Abstractions.Properties;

/// <summary>The price of one night of a stay.</summary>
public sealed record NightPrice(DateOnly Night, decimal Price);
