using Orleans;

namespace Actors.Grains.Abstractions.Organizations;

/// <summary>The subscription plan of an organization; it sets how many properties and rooms it may have.</summary>
[GenerateSerializer, Alias("Plan")]
public enum Plan
{
    Free,
    Standard,
    Premium,
}
