using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Properties;

/// <summary>Adds a room type, or renames it and sets its standard nightly rate and, when given, how many guests it sleeps, how many the rate covers and the charge for each guest beyond.</summary>
public sealed record SaveRoomTypeRequest(string? Name, decimal? NightlyRate, int? MaxOccupancy = null, decimal? ExtraGuestCharge = null, int? IncludedGuests = null)
{
    public RoomType ToRoomType(string id)
    {
        var errors = new FieldErrors();
        var roomType = new RoomTypeRequest(id, Name, NightlyRate, MaxOccupancy, ExtraGuestCharge, IncludedGuests).ToRoomType(errors, "");
        errors.ThrowIfAny();
        return roomType;
    }
}
