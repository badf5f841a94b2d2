using Orleans;

namespace Actors.Grains.Abstractions.Properties;

/// <summary>A wish for a stay: a given room, or any free room of a type, for the nights [CheckIn, CheckOut), for some guests.</summary>
[GenerateSerializer, Immutable, Alias("StayRequest")]
public sealed record StayRequest(string? RoomId, string? RoomType, DateOnly CheckIn, DateOnly CheckOut, int Guests = 1);
