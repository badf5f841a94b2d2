using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>A room to add: its id (e.g. "101"), the name on the board and its room type.</summary>
[GenerateSerializer, Immutable, Alias("NewRoom")]
public sealed record NewRoom(string Id, string Name, string RoomType);
