using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>A room type to sell, with its standard nightly rate and how many guests it sleeps (2 when left out).</summary>
public sealed record RoomTypeRequest(string? Id, string? Name, decimal? NightlyRate, int? MaxOccupancy = null)
{
    public RoomType ToRoomType(FieldErrors errors, string prefix)
    {
        errors.Slug(Id, prefix + "id");
        errors.Text(Name, prefix + "name");
        errors.Rate(NightlyRate, prefix + "nightlyRate");
        if (MaxOccupancy is not null)
        {
            errors.Range(MaxOccupancy, prefix + "maxOccupancy", 1, StayLimits.MaxGuests);
        }

        return new RoomType(Id ?? "", Name ?? "", NightlyRate ?? 0, MaxOccupancy);
    }
}
