using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Bookings;

/// <summary>
/// Auto-assign for a day: every booking made by room type that arrives that day keeps, as its room,
/// the one the system has held for it since it was made. That room is already free of every other
/// stay for all its nights, so assigning it never needs a move nor can it clash.
/// </summary>
public static class AutoAssignApi
{
    public static RouteGroupBuilder MapAutoAssignApi(this RouteGroupBuilder orgs)
    {
        orgs.MapPost("/{org}/properties/{property}/auto-assign", AssignAsync)
            .WithTags("Bookings")
            .WithSummary("Gives every booking made by room type arriving on the date the room kept for it.");
        return orgs;
    }

    private static async Task<Ok<AutoAssignedRooms>> AssignAsync(string org, string property, AutoAssignRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        // The property first: another organization's property is not found, whatever the body says.
        var rooms = await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).ListRooms();
        var date = request.ToDate();
        var arriving = rooms.SelectMany(r => r.Stays).Where(s => s.Kind is StayKind.Hold or StayKind.Booked && s.CheckIn == date).Select(s => s.BookingId).Distinct();
        var assigned = new List<BookingView>();
        foreach (var id in arriving)
        {
            if (await SavedBooking.FindAsync(grains, org, id) is { Unassigned: true, Status: BookingStatus.Held or BookingStatus.Confirmed })
            {
                assigned.Add(await grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, id)).AssignRoom(null));
            }
        }

        return TypedResults.Ok(new AutoAssignedRooms(date, assigned));
    }
}
