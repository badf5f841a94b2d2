using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;

namespace Actors.Api.Onboarding;

/// <summary>
/// The stays that fill a property's coming week for someone trying the board: a few stays per room,
/// of different lengths and with gaps, so there is something to move, stretch and check in. Fixed,
/// not random, so a second go asks for the same nights and simply finds them taken.
/// </summary>
public static class SampleWeek
{
    public const int Nights = 7;

    /// <summary>Enough to fill a board's first screen; a property with more rooms keeps the rest empty.</summary>
    public const int MaxRooms = 40;

    // (first night from today, nights) per room, taken in turn.
    private static readonly (int From, int Nights)[][] Patterns =
    [
        [(0, 3), (4, 3)],
        [(1, 2), (3, 4)],
        [(0, 2), (5, 2)],
        [(2, 4)],
        [(0, 1), (2, 2), (5, 2)],
    ];

    private static readonly string[] Guests =
    [
        "Maria Lopez", "Kenji Sato", "Amara Okafor", "Lars Nilsson", "Chloé Martin", "Priya Nair",
        "Tom Becker", "Sofia Rossi", "Omar Haddad", "Emma Walsh", "Yusuf Demir", "Hannah Kim",
    ];

    public static IReadOnlyList<SampleStay> Plan(IReadOnlyList<RoomView> rooms, IReadOnlyList<RoomTypeView> roomTypes, DateOnly today, int minimumStay)
    {
        var sleeps = roomTypes.ToDictionary(t => t.Id, t => t.MaxOccupancy, StringComparer.Ordinal);
        var open = rooms.Where(r => !r.Retired && r.Housekeeping != Housekeeping.OutOfOrder).Take(MaxRooms).ToList();
        var stays = new List<SampleStay>();
        for (var i = 0; i < open.Count; i++)
        {
            foreach (var (from, nights) in Patterns[i % Patterns.Length])
            {
                // Shorter than the property allows would only be refused.
                if (nights < minimumStay)
                {
                    continue;
                }

                var guest = Guests[stays.Count % Guests.Length];
                var party = Math.Min(1 + (stays.Count % 2), sleeps.GetValueOrDefault(open[i].RoomType, 1));
                stays.Add(new SampleStay(
                    open[i].Id,
                    today.AddDays(from),
                    today.AddDays(from + nights),
                    guest + " (sample)",
                    guest.ToLowerInvariant().Replace(' ', '.').Replace('é', 'e') + "@example.com",
                    party));
            }
        }

        return stays;
    }
}
