using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Exports;

/// <summary>A room an import adds, with the status and service it had, and the blocks it restores under their own ids.</summary>
public sealed record PlannedRoom(NewRoom Room, Housekeeping Housekeeping, bool Retired, IReadOnlyList<RoomBlock> Blocks);
