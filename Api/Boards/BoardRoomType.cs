using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Boards;

/// <summary>
/// A room type as the board's group header shows it: its name, how many it sleeps, its standard rate
/// and the nights shown that have a rate of their own. The board follows both live (RoomTypeSaved,
/// NightlyRatesChanged), so a new standard rate leaves the nights priced on their own as they are.
/// </summary>
public sealed record BoardRoomType(string Id, string Name, decimal NightlyRate, int MaxOccupancy, IReadOnlyList<RateOverride> Overrides, decimal ExtraGuestCharge, int IncludedGuests)
{
    public static BoardRoomType From(RoomTypeView type, DateOnly from, DateOnly to) =>
        new(type.Id, type.Name, type.NightlyRate, type.MaxOccupancy, [.. type.Overrides.Where(o => o.Night >= from && o.Night < to)], type.ExtraGuestCharge, type.IncludedGuests);
}
