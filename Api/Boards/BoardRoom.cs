using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Boards;

/// <summary>A row of the board: a room in service and its housekeeping status.</summary>
public sealed record BoardRoom(string Id, string Name, string RoomType, Housekeeping Housekeeping);
