using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>
/// A room's calendar in memory does not grow forever: stays that left long ago drop out of it (and are
/// not read back when the room activates), while the stays table keeps them as the record of nights slept.
/// </summary>
public sealed class RoomHistoryTests(ClockedCluster hotel) : IClassFixture<ClockedCluster>
{
    [Fact]
    public async Task A_stay_that_left_more_than_two_months_ago_leaves_the_rooms_calendar_at_the_next_departure_and_on_reactivation()
    {
        var org = await hotel.OpenHotelAsync(doubles: 1, suites: 0);
        var first = await StayAsync(org);
        var recent = await StayAsync(org, after: TimeSpan.FromDays(StayLimits.DepartedDaysKept - 10));
        Assert.Equal(new[] { first, recent }, await CalendarAsync(org));

        var latest = await StayAsync(org, after: TimeSpan.FromDays(20));

        Assert.Equal(new[] { recent, latest }, await CalendarAsync(org));
        await hotel.Cluster.DeactivateAsync(hotel.Room(org, "d1"));
        Assert.Equal(new[] { recent, latest }, await CalendarAsync(org));
        Assert.Equal("Departed", await hotel.Database.ScalarAsync<string>("SELECT kind FROM stays WHERE booking_id = $1", first));
        Assert.Equal(3L, await hotel.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key LIKE $1", $"{org}/%"));
        Assert.Equal(BookingStatus.CheckedOut, (await hotel.Booking(org, first).Get()).Status);
    }

    // Moves the clock on, then books tonight in d1, readies the room, checks the guest in and out; returns the booking id.
    private async Task<string> StayAsync(string org, TimeSpan? after = null)
    {
        hotel.Clock.Advance(after ?? TimeSpan.Zero);
        var today = DateOnly.FromDateTime(hotel.Clock.GetUtcNow().UtcDateTime);
        var (booking, view) = await hotel.HoldAsync(org, new HoldBooking("hotel", "d1", null, today, today.AddDays(1), new Guest("Ann", "ann@example.com")));
        await booking.Confirm();
        await hotel.Room(org, "d1").SetHousekeeping(Housekeeping.Clean);
        await booking.CheckIn();
        await booking.CheckOut();
        return view.Id;
    }

    private async Task<List<string>> CalendarAsync(string org) =>
        [.. (await hotel.Room(org, "d1").Get()).Stays.Select(s => s.BookingId)];
}
