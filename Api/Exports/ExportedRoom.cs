using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Exports;

/// <summary>A room with its type, housekeeping status and whether it was taken out of service.</summary>
public sealed record ExportedRoom(string? Id, string? Name, string? RoomType, Housekeeping? Housekeeping, bool Retired);
