using Actors.Grains.Abstractions.Rooms;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room's housekeeping status changed (by housekeeping, or by a check-out).</summary>
public sealed record RoomStatusChanged(string PropertyId, string RoomId, Housekeeping From, Housekeeping To);
