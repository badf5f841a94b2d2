using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Bookings;

/// <summary>
/// Holds a room for the nights [checkIn, checkOut) (dates as "yyyy-MM-dd"): a given room (roomId),
/// or any free room of a type (roomType), for <paramref name="Guests"/> people (1 when left out).
/// <paramref name="VisitId"/> is the booking page's visit, when the guest agreed to count it; one that is not
/// a visit id is dropped rather than refused, since a guest's hold must never fail for the funnel's sake.
/// </summary>
public sealed record CreateBookingRequest(string? PropertyId, string? RoomId, string? RoomType, DateOnly? CheckIn, DateOnly? CheckOut, GuestRequest? Guest, int? Guests = null, string? VisitId = null)
{
    public HoldBooking ToCommand()
    {
        var errors = new FieldErrors();
        errors.Slug(PropertyId, "propertyId");
        if (RoomId is null && RoomType is null)
        {
            errors.Add("roomId", "Give a room id or a room type.");
        }

        if (RoomId is not null)
        {
            errors.Slug(RoomId, "roomId");
        }

        if (RoomType is not null)
        {
            errors.Slug(RoomType, "roomType");
        }

        StayDates.Check(CheckIn, CheckOut, errors);
        if (errors.Required(Guest, "guest"))
        {
            errors.Text(Guest!.Name, "guest.name");
            errors.Email(Guest.Email, "guest.email");
        }

        // Left out, a booking is for one guest: every room type sleeps one, so older clients keep working.
        errors.Guests(Guests ?? 1);
        errors.ThrowIfAny();
        return new HoldBooking(PropertyId!, RoomId, RoomType, CheckIn!.Value, CheckOut!.Value, new Guest(Guest!.Name!, Guest.Email!), Guests ?? 1, Funnel.VisitIds.IsValid(VisitId) ? VisitId : null);
    }
}
