using Orleans;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room was taken off sale for the nights [From, To): out of order or out of service, with a reason.</summary>
[GenerateSerializer, Immutable, Alias("RoomBlocked")]
public sealed record RoomBlocked(string PropertyId, string RoomId, string BlockId, DateOnly From, DateOnly To, string Kind, string Reason);
