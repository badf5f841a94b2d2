using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>An import restores bookings with stays in the past and guests in house, and the rule of one stay a night still holds, in the room and in the stays table.</summary>
public sealed class RoomRestoreTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    [Fact]
    public async Task A_restored_stay_may_be_in_the_past_but_never_shares_a_night_with_another()
    {
        var org = await domain.OpenHotelAsync();
        var departed = Restore("d1", Day(-9), Day(-6), BookingStatus.CheckedOut) with { DepartedOn = Day(-6) };
        var inHouse = Restore("d1", Day(-2), Day(3), BookingStatus.CheckedIn);

        await domain.Booking(org, "departed").Restore(departed);
        await domain.Booking(org, "in-house").Restore(inHouse);
        await domain.Booking(org, "in-house").Restore(inHouse);

        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.Booking(org, "overlap").Restore(Restore("d1", Day(2), Day(4), BookingStatus.Confirmed)));
        await Assert.ThrowsAsync<ConflictException>(() => domain.Booking(org, "in-house").Restore(inHouse with { CheckOut = Day(4) }));
        Assert.Equal(["departed", "in-house"], (await domain.Room(org, "d1").Get()).Stays.Select(s => s.BookingId).Order());
        Assert.Equal(2L, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", $"{org}/hotel/d1"));
    }

    [Fact]
    public async Task A_stay_row_the_room_does_not_know_about_still_refuses_a_restored_stay_through_the_exclusion_constraint()
    {
        var org = await domain.OpenHotelAsync();
        var room = domain.Room(org, "d2");
        await room.Get();
        await domain.Database.ExecuteAsync(
            "INSERT INTO stays (room_key, booking_id, nights, kind) VALUES ($1, 'ghost', daterange($2, $3), 'Booked')",
            $"{org}/hotel/d2", Day(-5), Day(-1));

        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.Booking(org, "past").Restore(Restore("d2", Day(-3), Day(-2), BookingStatus.CheckedOut) with { DepartedOn = Day(-2) }));

        // Refused by the table, the room learnt from it the stay it never saw.
        Assert.Equal("ghost", Assert.Single((await room.Get()).Stays).BookingId);
        await Assert.ThrowsAsync<NotFoundException>(() => domain.Booking(org, "past").Get());
    }

    [Fact]
    public async Task A_restored_booking_keeps_its_state_price_and_room_and_a_second_one_over_its_nights_is_refused_whole()
    {
        var org = await domain.OpenHotelAsync();
        var restore = new RestoreBooking(
            "hotel", "d1", "double", Day(-2), Day(1), null, new Guest("Ines", "ines@example.com"), BookingStatus.CheckedIn,
            [new NightPrice(Day(-2), 90m), new NightPrice(Day(-1), 90m), new NightPrice(Day(0), 120m)], 300m, "EUR", "UTC", CancellationPolicy.Default, null, null);

        var view = await domain.Booking(org, "ines").Restore(restore);
        var refused = await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.Booking(org, "other").Restore(restore with { Guest = new Guest("Otto", "otto@example.com") }));

        Assert.Equal(BookingStatus.CheckedIn, view.Status);
        Assert.Equal(300m, view.Total);
        Assert.Equal(StayKind.InHouse, Assert.Single((await domain.Room(org, "d1").Get()).Stays).Kind);
        await Assert.ThrowsAsync<NotFoundException>(() => domain.Booking(org, "other").Get());
        Assert.NotNull(refused);
        Assert.Equal(BookingStatus.CheckedOut, (await domain.Booking(org, "ines").CheckOut()).Status);
    }

    private static RestoreBooking Restore(string room, DateOnly checkIn, DateOnly checkOut, BookingStatus status) => new(
        "hotel", room, "double", checkIn, checkOut, null, new Guest("Ines", "ines@example.com"), status,
        [.. Enumerable.Range(0, checkOut.DayNumber - checkIn.DayNumber).Select(n => new NightPrice(checkIn.AddDays(n), 90m))],
        90m * (checkOut.DayNumber - checkIn.DayNumber), "EUR", "UTC", CancellationPolicy.Default, null, null);

    private static DateOnly Day(int fromToday) => DomainCluster.Today.AddDays(fromToday);
}
