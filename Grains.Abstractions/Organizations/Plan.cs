namespace Actors.Grains.Abstractions.Organizations;

/// <summary>The subscription plan of an organization; it sets how many properties and rooms it may have.</summary>
public enum Plan
{
    Free,
    Standard,
    Premium,
}
