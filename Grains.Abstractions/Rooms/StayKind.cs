using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>Where a stay in a room's calendar stands: held for a while, booked, guest in house, or departed.</summary>
[GenerateSerializer, Alias("StayKind")]
public enum StayKind
{
    Hold,
    Booked,
    InHouse,
    Departed,
}
