using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Rooms;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class RoomCalendarTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    [Fact]
    public async Task A_room_refuses_a_second_stay_sharing_a_night_but_takes_one_starting_on_the_check_out_day()
    {
        var org = await domain.OpenHotelAsync();
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 4));

        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 3, 5)));
        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 0, 2)));
        var (_, adjacent) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 4, 6));

        Assert.Equal("d1", adjacent.RoomId);
        Assert.Equal(2, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", $"{org}/hotel/d1"));
    }

    [Fact]
    public async Task A_room_refuses_an_overlapping_stay_by_its_own_calendar_without_asking_the_stays_table()
    {
        var org = await domain.OpenHotelAsync();
        var roomKey = $"{org}/hotel/d1";
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 4));
        var tried = await CountStayWritesTriedAsync(roomKey);

        var refused = await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 3, 5)));

        // The room's own words: the stays table's refusal says "some of those nights" instead.
        Assert.StartsWith("Room 'd1' is already taken for some nights from ", refused.Message);
        // Not even tried: a write the exclusion constraint refuses still counts here, since sequences ignore the rollback.
        Assert.Equal(0L, await tried());
        Assert.Equal(1L, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", roomKey));
        // The count does see the room's writes: a stay the room takes is one.
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 4, 6));
        Assert.Equal(1L, await tried());
    }

    [Fact]
    public async Task A_stay_row_the_room_does_not_know_about_still_blocks_the_nights_through_the_exclusion_constraint()
    {
        var org = await domain.OpenHotelAsync();
        var room = domain.Room(org, "d2");
        await room.Get();
        // As if another activation of the room, on another silo, had committed a stay this one never saw.
        await domain.Database.ExecuteAsync(
            "INSERT INTO stays (room_key, booking_id, nights, kind) VALUES ($1, 'ghost', daterange($2, $3), 'Booked')",
            $"{org}/hotel/d2", DomainCluster.Today.AddDays(2), DomainCluster.Today.AddDays(5));

        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d2", 3, 4)));

        // Refused by the table, the room learnt from it the stay it never saw.
        Assert.Equal("ghost", Assert.Single((await room.Get()).Stays).BookingId);
        Assert.Equal(1, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", $"{org}/hotel/d2"));
    }

    [Fact]
    public async Task An_out_of_order_room_takes_no_new_stay_and_is_left_out_of_availability_until_it_is_back()
    {
        var org = await domain.OpenHotelAsync(doubles: 2);
        var room = domain.Room(org, "d1");
        await room.SetHousekeeping(Housekeeping.OutOfOrder);

        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 2)));
        var search = await domain.Property(org).SearchAvailability(DomainCluster.Today.AddDays(1), DomainCluster.Today.AddDays(2), 1);
        Assert.Equal(1, search.RoomTypes.Single(t => t.RoomType == "double").FreeRooms);

        await room.SetHousekeeping(Housekeeping.Dirty);
        var (_, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 2));
        Assert.Equal("d1", held.RoomId);
    }

    [Fact]
    public async Task A_room_with_stays_to_come_cannot_be_retired_and_a_retired_room_takes_no_stay()
    {
        var org = await domain.OpenHotelAsync(doubles: 2);
        var (booking, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 3, 4));

        await Assert.ThrowsAsync<ConflictException>(() => domain.Property(org).RetireRoom("d1"));
        await booking.Cancel();
        var retired = await domain.Property(org).RetireRoom("d1");

        Assert.True(retired.Retired);
        await Assert.ThrowsAnyAsync<DomainException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 3, 4)));
        Assert.Equal(2, await domain.Property(org).CountActiveRooms());
    }

    [Fact]
    public async Task Availability_counts_free_rooms_per_type_and_prices_the_stay_with_date_overrides()
    {
        var org = await domain.OpenHotelAsync(doubles: 3, suites: 1);
        await domain.Property(org).SetNightlyRates(new Abstractions.Properties.SetNightlyRates("double", DomainCluster.Today.AddDays(2), DomainCluster.Today.AddDays(3), 180m));
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        await domain.HoldAsync(org, DomainCluster.Stay("s1", 2, 3));

        var search = await domain.Property(org).SearchAvailability(DomainCluster.Today.AddDays(1), DomainCluster.Today.AddDays(4), 1);

        var doubles = search.RoomTypes.Single(t => t.RoomType == "double");
        Assert.Equal(2, doubles.FreeRooms);
        Assert.Equal([100m, 180m, 100m], doubles.Quote.Nights.Select(n => n.Price));
        Assert.Equal(380m, doubles.Quote.Total);
        Assert.Equal(0, search.RoomTypes.Single(t => t.RoomType == "suite").FreeRooms);
    }

    [Fact]
    public async Task Booking_by_room_type_takes_a_free_room_of_that_type_until_none_is_left()
    {
        var org = await domain.OpenHotelAsync(doubles: 2);
        var request = DomainCluster.Stay("d1", 1, 3) with { RoomId = null, RoomType = "double" };

        var first = await domain.HoldAsync(org, request);
        var second = await domain.HoldAsync(org, request);

        Assert.Equal(["d1", "d2"], new[] { first.View.RoomId, second.View.RoomId }.Order());
        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, request));
    }

    // Counts the inserts and updates tried on the stays rows of one room from now on, committed or not.
    private async Task<Func<Task<long>>> CountStayWritesTriedAsync(string roomKey)
    {
        var name = "tried_" + Guid.NewGuid().ToString("N")[..12];
        await domain.Database.ExecuteAsync($"CREATE SEQUENCE {name}");
        await domain.Database.ExecuteAsync(
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                IF NEW.room_key = '{roomKey.Replace("'", "''", StringComparison.Ordinal)}' THEN PERFORM nextval('{name}'); END IF;
                RETURN NEW;
            END $f$
            """);
        await domain.Database.ExecuteAsync($"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON stays FOR EACH ROW EXECUTE FUNCTION {name}()");
        return () => domain.Database.ScalarAsync<long>($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {name}");
    }
}
