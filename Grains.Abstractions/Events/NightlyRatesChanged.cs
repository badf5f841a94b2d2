using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>The rate of a room type was set (or, when null, cleared) for the nights [From, To).</summary>
[GenerateSerializer, Immutable, Alias("NightlyRatesChanged")]
public sealed record NightlyRatesChanged(string PropertyId, string RoomType, DateOnly From, DateOnly To, decimal? NightlyRate);
