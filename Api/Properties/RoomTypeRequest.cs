using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>A room type to sell, with its standard nightly rate.</summary>
public sealed record RoomTypeRequest(string? Id, string? Name, decimal? NightlyRate)
{
    public RoomType ToRoomType(FieldErrors errors, string prefix)
    {
        errors.Slug(Id, prefix + "id");
        errors.Text(Name, prefix + "name");
        errors.Rate(NightlyRate, prefix + "nightlyRate");
        return new RoomType(Id ?? "", Name ?? "", NightlyRate ?? 0);
    }
}
