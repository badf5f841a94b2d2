using Actors.Grains.Abstractions.Figures;

namespace Actors.Api.Boards;

/// <summary>
/// Tonight's figures as the board's header shows them, pushed as "BoardFigures" after changes: the
/// desk's numbers (rooms, sold, occupancy, arrivals, departures, in house). Revenue stays with the
/// figures endpoint, which is for managers; boards are open to all staff.
/// </summary>
public sealed record BoardTonight(DateOnly Night, int Rooms, int OutOfOrder, int RoomsSold, decimal Occupancy, int Arrivals, int Departures, int InHouse, long Sequence)
{
    public static BoardTonight From(PropertyFigures figures)
    {
        var night = figures.Nights[0];
        return new(night.Night, night.Rooms, night.OutOfOrder, night.RoomsSold, night.Occupancy, night.Arrivals, night.Departures, night.InHouse, figures.Sequence);
    }
}
