using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>
/// A room's housekeeping status. Guests check in only to a clean or inspected room; check-out
/// leaves it dirty. Out of order closes the room to new stays until its status changes again.
/// </summary>
[GenerateSerializer, Alias("Housekeeping")]
public enum Housekeeping
{
    Clean,
    Dirty,
    Inspected,
    OutOfOrder,
}
