using System.Globalization;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Api.Exports;

/// <summary>
/// The bookings of one property in a document: each one whole and consistent (dates, nights, prices,
/// guest, status), in a room of the document, and no two keeping the same room on the same night,
/// which is the rule the rooms and the stays table would refuse halfway through the import otherwise.
/// </summary>
public static class BookingCheck
{
    private const decimal MaxTotal = 1_000_000_000m;

    public static List<PlannedBooking> Bookings(
        ExportedProperty property, Dictionary<string, PlannedRoom> rooms, HashSet<string> bookingIds, string field, DateOnly today, DateTimeOffset now, FieldErrors errors)
    {
        var planned = new List<(PlannedBooking Booking, string Field)>();
        var bookings = property.Bookings ?? [];
        for (var j = 0; j < bookings.Count; j++)
        {
            var at = $"{field}.bookings[{j}]";
            if (errors.Required(bookings[j], at) && Booking(bookings[j]!, property, rooms, bookingIds, at, now, errors) is { } booking)
            {
                planned.Add((booking, at));
            }
        }

        CheckOneStayANight(planned, errors);
        CheckRetiredRooms(planned, rooms, today, errors);
        return [.. planned.Select(p => p.Booking)];
    }

    /// <summary>A night as a date from 2000-01-01 to 2199-12-31, as every date the API takes.</summary>
    public static bool Night(DateOnly? night, string field, FieldErrors errors)
    {
        if (!errors.Required(night, field))
        {
            return false;
        }

        if (night < FieldErrors.EarliestDate || night > FieldErrors.LatestDate)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Use a date from {FieldErrors.EarliestDate:yyyy-MM-dd} to {FieldErrors.LatestDate:yyyy-MM-dd}."));
            return false;
        }

        return true;
    }

    private static PlannedBooking? Booking(
        ExportedBooking booking, ExportedProperty property, Dictionary<string, PlannedRoom> rooms, HashSet<string> bookingIds, string at, DateTimeOffset now, FieldErrors errors)
    {
        var before = errors.Count;
        errors.Slug(booking.Id, at + ".id");
        if (booking.Guests is not null)
        {
            errors.Guests(booking.Guests, at + ".guests");
        }

        if (booking.Id is not null && !bookingIds.Add(booking.Id))
        {
            errors.Add(at + ".id", "Another booking of the document has this id.");
        }

        errors.Slug(booking.RoomId, at + ".roomId");
        if (booking.RoomId is not null && !rooms.ContainsKey(booking.RoomId))
        {
            errors.Add(at + ".roomId", $"No room '{ImportCheck.Short(booking.RoomId)}' in this property of the document.");
        }

        errors.Slug(booking.RoomType, at + ".roomType");
        var datesValid = Night(booking.CheckIn, at + ".checkIn", errors) & Night(booking.CheckOut, at + ".checkOut", errors);
        if (datesValid && booking.CheckOut <= booking.CheckIn)
        {
            errors.Add(at + ".checkOut", "Must be after check-in.");
            datesValid = false;
        }
        else if (datesValid && booking.CheckOut!.Value.DayNumber - booking.CheckIn!.Value.DayNumber > StayLimits.MaxNights)
        {
            errors.Add(at + ".checkOut", string.Create(CultureInfo.InvariantCulture, $"A stay is at most {StayLimits.MaxNights} nights."));
            datesValid = false;
        }

        if (booking.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(at + ".status", "Use Held, Confirmed, CheckedIn, CheckedOut, Cancelled, Expired or NoShow.");
            status = BookingStatus.Expired;
        }

        if (errors.Required(booking.Guest, at + ".guest"))
        {
            errors.Text(booking.Guest!.Name, at + ".guest.name");
            errors.Email(booking.Guest.Email, at + ".guest.email");
        }

        if (datesValid)
        {
            Nights(booking.Nights, booking.CheckIn!.Value, booking.CheckOut!.Value, at, errors);
        }

        Money(booking.Total, at + ".total", errors);
        if (booking.CancellationFee is { } fee)
        {
            Money(fee, at + ".cancellationFee", errors);
            if (fee > booking.Total)
            {
                errors.Add(at + ".cancellationFee", "At most the total.");
            }
        }

        errors.Currency(booking.Currency, at + ".currency");
        if (errors.Required(booking.Cancellation, at + ".cancellation"))
        {
            errors.Range(booking.Cancellation!.FreeUntilDaysBeforeArrival, at + ".cancellation.freeUntilDaysBeforeArrival", 0, 365);
            if (!Enum.IsDefined(booking.Cancellation.LateFee))
            {
                errors.Add(at + ".cancellation.lateFee", "Use FirstNight or FullStay.");
            }
        }

        if (status == BookingStatus.Held && booking.HoldExpiresAt is null)
        {
            errors.Add(at + ".holdExpiresAt", "A held booking needs the time its hold lapses.");
        }

        if (booking.DepartedOn is { } departed)
        {
            if (status != BookingStatus.CheckedOut)
            {
                errors.Add(at + ".departedOn", "Only a checked-out booking has a departure day.");
            }
            else if (datesValid && (departed <= booking.CheckIn || departed > booking.CheckOut))
            {
                errors.Add(at + ".departedOn", "Must be after check-in and at most check-out.");
            }
        }

        if (errors.Count > before || property.Settings is not { } settings)
        {
            return null;
        }

        // A hold that lapsed since the export arrives as the expired booking it would have become.
        var arriving = status == BookingStatus.Held && booking.HoldExpiresAt <= now ? BookingStatus.Expired : status;
        return new PlannedBooking(booking.Id!, new RestoreBooking(
            property.Id ?? "",
            booking.RoomId!,
            booking.RoomType!,
            booking.CheckIn!.Value,
            booking.CheckOut!.Value,
            booking.DepartedOn,
            booking.Guest!,
            arriving,
            [.. booking.Nights!.Select(n => n!)],
            booking.Total!.Value,
            booking.Currency!,
            settings.TimeZone,
            booking.Cancellation!,
            booking.CancellationFee,
            arriving == BookingStatus.Held ? booking.HoldExpiresAt : null,
            booking.Guests));
    }

    /// <summary>One price for each night of [checkIn, checkOut), in order, as the booking was priced.</summary>
    private static void Nights(IReadOnlyList<NightPrice?>? nights, DateOnly checkIn, DateOnly checkOut, string at, FieldErrors errors)
    {
        if (!errors.Required(nights, at + ".nights"))
        {
            return;
        }

        if (nights!.Count != checkOut.DayNumber - checkIn.DayNumber)
        {
            errors.Add(at + ".nights", "Give one price for each night from check-in to check-out.");
            return;
        }

        for (var k = 0; k < nights.Count; k++)
        {
            var night = nights[k];
            if (night is null || night.Night != checkIn.AddDays(k))
            {
                errors.Add($"{at}.nights[{k}]", string.Create(CultureInfo.InvariantCulture, $"Expected the night of {checkIn.AddDays(k):yyyy-MM-dd}."));
                return;
            }

            Money(night.Price, $"{at}.nights[{k}].price", errors);
        }
    }

    private static void Money(decimal? amount, string field, FieldErrors errors)
    {
        if (errors.Required(amount, field) && (amount < 0 || amount > MaxTotal || decimal.Round(amount!.Value, 2) != amount))
        {
            errors.Add(field, "Use an amount from 0, with at most two decimals.");
        }
    }

    /// <summary>The rule the rooms keep, checked over the whole document: nights kept by two bookings of one room never meet.</summary>
    private static void CheckOneStayANight(List<(PlannedBooking Booking, string Field)> planned, FieldErrors errors)
    {
        var kept = planned
            .Where(p => p.Booking.Restore.NightsKept is not null)
            .GroupBy(p => p.Booking.Restore.RoomId, StringComparer.Ordinal);
        foreach (var room in kept)
        {
            (string Id, DateOnly CheckOut)? latest = null;
            foreach (var (booking, field) in room.OrderBy(p => p.Booking.Restore.NightsKept!.Value.CheckIn))
            {
                var nights = booking.Restore.NightsKept!.Value;
                if (latest is { } before && nights.CheckIn < before.CheckOut)
                {
                    errors.Add(field + ".checkIn", $"Overlaps booking '{before.Id}' in room '{room.Key}': a room takes one stay a night.");
                }

                if (latest is null || nights.CheckOut > latest.Value.CheckOut)
                {
                    latest = (booking.Id, nights.CheckOut);
                }
            }
        }
    }

    /// <summary>A retired room keeps its history, but no stay still to come: the room would refuse to retire.</summary>
    private static void CheckRetiredRooms(List<(PlannedBooking Booking, string Field)> planned, Dictionary<string, PlannedRoom> rooms, DateOnly today, FieldErrors errors)
    {
        foreach (var (booking, field) in planned)
        {
            var restore = booking.Restore;
            if (rooms[restore.RoomId].Retired && restore.NightsKept is { } nights && restore.Status != BookingStatus.CheckedOut && nights.CheckOut > today)
            {
                errors.Add(field + ".roomId", $"Room '{restore.RoomId}' is retired, but this booking still has nights to come in it.");
            }
        }
    }
}
