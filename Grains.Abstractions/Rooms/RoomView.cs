using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>A room with its housekeeping status and its calendar of stays.</summary>
[GenerateSerializer, Immutable, Alias("RoomView")]
public sealed record RoomView(string Id, string Name, string RoomType, bool Retired, Housekeeping Housekeeping, IReadOnlyList<RoomStay> Stays);
