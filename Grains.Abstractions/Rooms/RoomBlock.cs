using System.Globalization;
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

    /// <summary>A block id as a room gives them, "1", "2", ... without leading zeros: an imported one keeps the room's count going.</summary>
    public static bool TryNumber(string? id, out int number) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0 && number.ToString(CultureInfo.InvariantCulture) == id;
}
