using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>A block to put on a room: the nights [From, To), its kind (<see cref="BlockKinds"/>) and the reason.</summary>
[GenerateSerializer, Immutable, Alias("NewBlock")]
public sealed record NewBlock(DateOnly From, DateOnly To, string Kind, string Reason);
