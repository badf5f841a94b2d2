using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>Sets the rate of a room type for the nights [From, To); a null rate goes back to the standard rate.</summary>
[GenerateSerializer, Immutable, Alias("SetNightlyRates")]
public sealed record SetNightlyRates(string RoomType, DateOnly From, DateOnly To, decimal? NightlyRate);
