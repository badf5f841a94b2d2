using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Exports;

/// <summary>A room an import adds, with the status and service it had.</summary>
public sealed record PlannedRoom(NewRoom Room, Housekeeping Housekeeping, bool Retired);
