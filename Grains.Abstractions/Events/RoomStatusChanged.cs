using Orleans;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A room's housekeeping status changed (by housekeeping, or by a check-out).</summary>
[GenerateSerializer, Immutable, Alias("RoomStatusChanged")]
public sealed record RoomStatusChanged(string PropertyId, string RoomId, Housekeeping From, Housekeeping To);
