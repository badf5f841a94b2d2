using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Bookings;

/// <summary>The date rules the API checks before asking a grain; the property checks "not in the past" in its own time zone.</summary>
internal static class StayDates
{
    public static void Check(DateOnly? checkIn, DateOnly? checkOut, FieldErrors errors)
    {
        errors.Required(checkIn, "checkIn");
        errors.Required(checkOut, "checkOut");
        if (checkIn is { } from && checkOut is { } to)
        {
            var nights = to.DayNumber - from.DayNumber;
            if (nights <= 0)
            {
                errors.Add("checkOut", "Must be after check-in.");
            }
            else if (nights > StayLimits.MaxNights)
            {
                errors.Add("checkOut", $"A stay is at most {StayLimits.MaxNights} nights.");
            }
        }
    }
}
