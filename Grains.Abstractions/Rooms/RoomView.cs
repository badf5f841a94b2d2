using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>A room with its housekeeping status, its calendar of stays and its blocks (nights off sale).</summary>
[GenerateSerializer, Immutable, Alias("RoomView")]
public sealed record RoomView(string Id, string Name, string RoomType, bool Retired, Housekeeping Housekeeping, IReadOnlyList<RoomStay> Stays, IReadOnlyList<RoomBlock> Blocks);
