using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Orleans;

namespace Actors.Api.Bookings;

/// <summary>The booking a room's stay names, as readers of the rooms' calendars (board, export, auto-assign) need it.</summary>
public static class SavedBooking
{
    /// <summary>The booking, or null for a room hold whose booking was never saved: that hold lapses by itself and is no booking.</summary>
    public static async Task<BookingView?> FindAsync(IGrainFactory grains, string org, string id)
    {
        try
        {
            return await grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, id)).Get();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
