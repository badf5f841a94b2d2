using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Bookings;

/// <summary>The booking's new nights [checkIn, checkOut) in the same room.</summary>
public sealed record ChangeDatesRequest(DateOnly? CheckIn, DateOnly? CheckOut)
{
    public (DateOnly CheckIn, DateOnly CheckOut) ToDates()
    {
        var errors = new FieldErrors();
        StayDates.Check(CheckIn, CheckOut, errors);
        errors.ThrowIfAny();
        return (CheckIn!.Value, CheckOut!.Value);
    }
}
