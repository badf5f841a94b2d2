using System.Globalization;
using Actors.Api.Bookings;
using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Actors.Persistence.EventLog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Boards;

/// <summary>The board's starting point: rooms and bookings of some nights, and the sequence to follow the hub from.</summary>
public static class BoardApi
{
    public const int MaxNights = 62;
    private const int DefaultNights = 14;

    public static RouteGroupBuilder MapBoardApi(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{org}/properties/{property}/board", GetAsync)
            .WithTags("Boards")
            .WithSummary($"Rooms and bookings for the nights [from, to) (yyyy-MM-dd; default: {DefaultNights} nights from today at the property), and the board sequence they include.");
        return orgs;
    }

    private static async Task<Ok<BoardView>> GetAsync(
        string org, string property, string? from, string? to, IGrainFactory grains, IEventLog log, TimeProvider time, CancellationToken cancellationToken)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        var first = errors.Date(from, "from");
        var last = errors.Date(to, "to");
        errors.ThrowIfAny();

        // The sequence is read before any state: whatever the state then shows is at least that recent.
        var board = BoardStreams.For(org, property);
        var sequence = await log.ReadLastSequenceAsync(board, cancellationToken);

        var propertyGrain = grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property));
        var view = await propertyGrain.Get();
        var today = PropertyCalendar.Today(time, view.Settings.TimeZone);
        var start = first ?? today;
        var end = last ?? start.AddDays(DefaultNights);
        if (end <= start)
        {
            errors.Add("to", "Must be after 'from'.");
        }
        else if (end.DayNumber - start.DayNumber > MaxNights)
        {
            errors.Add("to", $"A board shows at most {MaxNights} nights.");
        }

        errors.ThrowIfAny();
        var rooms = (await propertyGrain.ListRooms()).Where(r => !r.Retired).ToList();
        var stays = rooms
            .SelectMany(r => r.Stays.Where(s => s.CheckIn < end && start < s.CheckOut).Select(s => (Room: r.Id, Stay: s)))
            .ToLookup(s => s.Stay.BookingId, s => s);
        var bookings = await Task.WhenAll(stays.Select(s => SavedBooking.FindAsync(grains, org, s.Key)));
        return TypedResults.Ok(new BoardView(
            property,
            view.Settings.Name,
            view.Settings.TimeZone,
            view.Settings.Currency,
            today,
            start,
            end,
            sequence,
            [.. view.RoomTypes.Select(t => BoardRoomType.From(t, start, end))],
            [.. rooms.Select(r => new BoardRoom(r.Id, r.Name, r.RoomType, r.Housekeeping))],
            [.. bookings.OfType<BookingView>().Where(OnBoard).Select(b => Bar(b, stays[b.Id]))],
            [.. rooms.SelectMany(r => r.Blocks.Where(b => b.Overlaps(start, end)).Select(b => new BoardBlock(b.Id, r.Id, b.From, b.To, b.Kind, b.Reason)))]));
    }

    /// <summary>
    /// A booking as a bar. A guest who left early keeps the booked check-out on the booking (it is what
    /// was sold), but the room freed the nights not slept: the bar ends at the departure, as the live
    /// GuestCheckedOut event draws it, so a reload does not show sellable nights as taken.
    /// </summary>
    private static BoardBooking Bar(BookingView booking, IEnumerable<(string Room, RoomStay Stay)> stays)
    {
        var checkOut = booking.CheckOut;
        if (booking.Status == BookingStatus.CheckedOut && stays.FirstOrDefault(s => s.Room == booking.RoomId).Stay is { } departed)
        {
            checkOut = departed.CheckOut;
        }

        return new BoardBooking(booking.Id, booking.RoomId, booking.CheckIn, checkOut, booking.Status, booking.Guest.Name, booking.Total, booking.Currency, booking.HoldExpiresAt, booking.Guests, booking.Paid, booking.Unassigned);
    }

    private static bool OnBoard(BookingView booking) =>
        booking.Status is BookingStatus.Held or BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.CheckedOut;
}
