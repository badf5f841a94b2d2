using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Exports;

/// <summary>
/// A room with its type, housekeeping status, whether it was taken out of service, and its blocks.
/// Documents written before blocks were exported have none, and still read as version 1.
/// </summary>
public sealed record ExportedRoom(string? Id, string? Name, string? RoomType, Housekeeping? Housekeeping, bool Retired, IReadOnlyList<ExportedBlock?>? Blocks = null);
