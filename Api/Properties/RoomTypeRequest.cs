using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>
/// A room type to sell, with its standard nightly rate, how many guests it sleeps (2 when left out),
/// how many of them the rate covers (2, or fewer when it sleeps fewer) and the charge a night for each guest beyond (none).
/// </summary>
public sealed record RoomTypeRequest(string? Id, string? Name, decimal? NightlyRate, int? MaxOccupancy = null, decimal? ExtraGuestCharge = null, int? IncludedGuests = null)
{
    public RoomType ToRoomType(FieldErrors errors, string prefix)
    {
        var roomType = new RoomType(Id ?? "", Name ?? "", NightlyRate ?? 0, MaxOccupancy, ExtraGuestCharge, IncludedGuests);
        errors.Slug(Id, prefix + "id");
        errors.Text(Name, prefix + "name");
        errors.Rate(NightlyRate, prefix + "nightlyRate");
        errors.RoomTypeLimits(roomType, prefix);
        return roomType;
    }
}
