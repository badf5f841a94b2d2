using System.Globalization;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Mail;

/// <summary>The guest's confirmation: the stay, the price, the policy and the private link to see or cancel it.</summary>
public static class BookingConfirmationLetter
{
    public static OutgoingMail Write(BookingView booking, PropertyView view, Uri privateLink)
    {
        var property = view.Settings;
        var nights = booking.CheckOut.DayNumber - booking.CheckIn.DayNumber;
        var roomType = view.RoomTypes.FirstOrDefault(t => t.Id == booking.RoomType)?.Name ?? booking.RoomType;
        var policy = $"Free cancellation until {Day(booking.CheckIn.AddDays(-booking.Cancellation.FreeUntilDaysBeforeArrival))}; after that the property's late fee applies.";
        return new Letter()
            .Paragraph($"Hello {booking.Guest.Name},")
            .Paragraph($"Your stay at {property.Name} is confirmed.")
            .Facts(
                ("Arrival", $"{Day(booking.CheckIn)}, from {Time(property.CheckInTime)}"),
                ("Departure", $"{Day(booking.CheckOut)}, by {Time(property.CheckOutTime)}"),
                ("Nights", nights.ToString(CultureInfo.InvariantCulture)),
                ("Room", roomType),
                ("Total", string.Create(CultureInfo.InvariantCulture, $"{booking.Total:0.00} {booking.Currency}")),
                ("Booking", booking.Id))
            .Paragraph(policy)
            .Link("See or cancel your booking", privateLink)
            .Paragraph("This link is yours alone: anyone who has it can see and cancel the booking, so keep this mail to yourself.")
            .To(booking.Guest.Email, booking.Guest.Name, string.Create(CultureInfo.InvariantCulture, $"Your stay at {property.Name} is confirmed: {booking.CheckIn:d MMM} to {booking.CheckOut:d MMM yyyy}"));
    }

    private static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
