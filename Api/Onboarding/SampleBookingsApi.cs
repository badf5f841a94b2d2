using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Onboarding;

/// <summary>
/// A week of made-up bookings to try the board with, and one call that takes them all away. They are
/// ordinary bookings made and cancelled through the booking grains, so the board, availability and
/// the rooms' calendars follow them live; only their ids say they are samples.
/// </summary>
public static class SampleBookingsApi
{
    private const int Concurrency = 4;

    public static RouteGroupBuilder MapSampleBookingsApi(this RouteGroupBuilder orgs)
    {
        var samples = orgs.MapGroup("/{org}/properties/{property}/sample-bookings").WithTags("Onboarding");
        samples.MapGet("/", CountAsync).WithSummary("Counts the sample bookings still on the property's rooms.");
        samples.MapPost("/", AddAsync).WithSummary("Fills the free nights of the coming week with confirmed sample bookings, to try the board.");
        samples.MapDelete("/", RemoveAsync).WithSummary("Cancels every sample booking of the property, freeing their nights; the board drops them at once.");
        return orgs;
    }

    private static async Task<Ok<SampleBookingsCount>> CountAsync(string org, string property, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var place = Property(grains, org, property);
        await place.Get();
        var rooms = await place.ListRooms();
        return TypedResults.Ok(new SampleBookingsCount(SampleStaysOf(rooms).Count()));
    }

    private static async Task<Ok<SampleBookingsChange>> AddAsync(string org, string property, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        PathIds.Check(org, property);
        var place = Property(grains, org, property);
        var view = await place.Get();
        var rooms = await place.ListRooms();
        var stays = SampleWeek.Plan(rooms, view.RoomTypes, PropertyCalendar.Today(time, view.Settings.TimeZone), view.Settings.MinimumStay);
        var added = 0;
        // One room's stays in order (they touch), rooms side by side.
        await Parallel.ForEachAsync(
            stays.GroupBy(s => s.RoomId),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (room, _) =>
            {
                foreach (var stay in room)
                {
                    if (await BookAsync(grains, org, property, stay))
                    {
                        Interlocked.Increment(ref added);
                    }
                }
            });
        return TypedResults.Ok(new SampleBookingsChange(added, 0, stays.Count - added));
    }

    private static async Task<Ok<SampleBookingsChange>> RemoveAsync(string org, string property, IGrainFactory grains, CancellationToken cancellationToken)
    {
        PathIds.Check(org, property);
        var place = Property(grains, org, property);
        await place.Get();
        var rooms = await place.ListRooms();
        var removed = 0;
        var skipped = 0;
        await Parallel.ForEachAsync(
            SampleStaysOf(rooms),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (stay, _) =>
            {
                if (await TakeAwayAsync(grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, stay.BookingId)), stay))
                {
                    Interlocked.Increment(ref removed);
                }
                else
                {
                    Interlocked.Increment(ref skipped);
                }
            });
        return TypedResults.Ok(new SampleBookingsChange(0, removed, skipped));
    }

    /// <summary>Holds and confirms one sample stay; false when the room turned out not to be free for it.</summary>
    private static async Task<bool> BookAsync(IGrainFactory grains, string org, string property, SampleStay stay)
    {
        var booking = grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, SampleBookingIds.New()));
        try
        {
            await booking.Hold(new HoldBooking(property, stay.RoomId, null, stay.CheckIn, stay.CheckOut, new Guest(stay.GuestName, stay.GuestEmail), stay.Guests));
        }
        catch (DomainException)
        {
            // Taken, blocked or against the property's rules: that night stays as it is.
            return false;
        }

        try
        {
            await booking.Confirm();
            return true;
        }
        catch (DomainException)
        {
            // A hold left behind would lapse by itself, but a sample should not linger even that long.
            await booking.Cancel();
            return false;
        }
    }

    /// <summary>
    /// Cancels a sample booking (a guest in house is checked out instead: cancelling a stay under way is refused);
    /// false when it had already moved on, say cancelled by hand a moment ago.
    /// </summary>
    private static async Task<bool> TakeAwayAsync(IBookingGrain booking, RoomStay stay)
    {
        try
        {
            await (stay.Kind == StayKind.InHouse ? booking.CheckOut() : booking.Cancel());
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    // Departed stays are history the board shows for a while; the nights to free are those still to come.
    private static IEnumerable<RoomStay> SampleStaysOf(IEnumerable<RoomView> rooms) =>
        rooms.SelectMany(r => r.Stays).Where(s => s.Kind != StayKind.Departed && SampleBookingIds.IsSample(s.BookingId));


    private static IPropertyGrain Property(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property));
}
