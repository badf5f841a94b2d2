using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>
/// Nights [From, To) a room is taken off sale (<see cref="BlockKinds"/>), with the manager's reason;
/// no stay may share a night with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("RoomBlock")]
public sealed record RoomBlock(string Id, DateOnly From, DateOnly To, string Kind, string Reason)
{
    public bool Overlaps(DateOnly from, DateOnly to) => From < to && from < To;
}
