using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>Adds a room type, or renames it and sets its standard nightly rate and, when given, how many guests it sleeps.</summary>
public sealed record SaveRoomTypeRequest(string? Name, decimal? NightlyRate, int? MaxOccupancy = null)
{
    public RoomType ToRoomType(string id)
    {
        var errors = new FieldErrors();
        var roomType = new RoomTypeRequest(id, Name, NightlyRate, MaxOccupancy).ToRoomType(errors, "");
        errors.ThrowIfAny();
        return roomType;
    }
}
