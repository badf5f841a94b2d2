using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class BookingLifecycleTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    [Fact]
    public async Task A_hold_confirmed_checked_in_and_checked_out_leaves_the_room_dirty()
    {
        var org = await domain.OpenHotelAsync();
        var (booking, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 0, 2));
        Assert.Equal(BookingStatus.Held, held.Status);
        Assert.Equal(200m, held.Total);

        Assert.Equal(BookingStatus.Confirmed, (await booking.Confirm()).Status);
        Assert.Equal(BookingStatus.CheckedIn, (await booking.CheckIn()).Status);
        Assert.Equal(BookingStatus.CheckedOut, (await booking.CheckOut()).Status);

        var room = await domain.Room(org, "d1").Get();
        Assert.Equal(Housekeeping.Dirty, room.Housekeeping);
        // Leaving on the arrival day keeps only the night slept; the next night is free again.
        Assert.Equal(DomainCluster.Today.AddDays(1), room.Stays.Single().CheckOut);
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 2));
    }

    [Fact]
    public async Task Transitions_not_allowed_from_the_current_state_are_refused()
    {
        var org = await domain.OpenHotelAsync();
        var (booking, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 0, 1));

        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.CheckIn());
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.CheckOut());
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.MarkNoShow());
        await booking.Confirm();
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.Confirm());
        await booking.Cancel();
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.Cancel());
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.MoveTo("d2"));
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.ChangeDates(DomainCluster.Today.AddDays(3), DomainCluster.Today.AddDays(4)));
        Assert.Equal(BookingStatus.Cancelled, (await booking.Get()).Status);
    }

    [Fact]
    public async Task Check_in_waits_for_the_arrival_day_and_for_a_clean_or_inspected_room()
    {
        var org = await domain.OpenHotelAsync();
        var (tomorrow, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 2));
        await tomorrow.Confirm();
        await Assert.ThrowsAsync<InvalidTransitionException>(() => tomorrow.CheckIn());

        var (today, _) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 0, 2));
        await today.Confirm();
        await domain.Room(org, "d2").SetHousekeeping(Housekeeping.Dirty);
        await Assert.ThrowsAsync<RoomNotReadyException>(() => today.CheckIn());
        Assert.Equal(BookingStatus.Confirmed, (await today.Get()).Status);

        await domain.Room(org, "d2").SetHousekeeping(Housekeeping.Inspected);
        Assert.Equal(BookingStatus.CheckedIn, (await today.CheckIn()).Status);
    }

    [Fact]
    public async Task Cancelling_inside_the_free_window_costs_nothing_and_later_costs_the_first_night()
    {
        var org = await domain.OpenHotelAsync(cancellation: new CancellationPolicy(3, LateCancellationFee.FirstNight));
        await domain.Property(org).SetNightlyRates(new SetNightlyRates("double", DomainCluster.Today.AddDays(1), DomainCluster.Today.AddDays(2), 130m));
        var (early, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 5, 7));
        var (late, _) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 1, 3));
        await early.Confirm();
        await late.Confirm();

        Assert.Equal(0m, (await early.Cancel()).CancellationFee);
        var cancelled = await late.Cancel();

        Assert.Equal(130m, cancelled.CancellationFee);
        Assert.Equal(230m, cancelled.Total);
        Assert.Empty((await domain.Room(org, "d2").Get()).Stays);
    }

    [Fact]
    public async Task A_no_show_frees_the_room_and_charges_the_late_fee()
    {
        var org = await domain.OpenHotelAsync(cancellation: new CancellationPolicy(1, LateCancellationFee.FullStay));
        var (booking, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 0, 2));
        await booking.Confirm();

        var noShow = await booking.MarkNoShow();

        Assert.Equal(BookingStatus.NoShow, noShow.Status);
        Assert.Equal(200m, noShow.CancellationFee);
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 0, 2));
    }

    [Fact]
    public async Task Moving_takes_the_new_room_and_frees_the_old_one_and_a_taken_room_leaves_the_booking_where_it_was()
    {
        var org = await domain.OpenHotelAsync(doubles: 3);
        var (booking, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 4));
        await booking.Confirm();
        await domain.HoldAsync(org, DomainCluster.Stay("d3", 3, 5));

        await Assert.ThrowsAsync<RoomUnavailableException>(() => booking.MoveTo("d3"));
        Assert.Equal("d1", (await booking.Get()).RoomId);
        Assert.Single((await domain.Room(org, "d1").Get()).Stays);

        var moved = await booking.MoveTo("d2");

        Assert.Equal("d2", moved.RoomId);
        Assert.Equal(BookingStatus.Confirmed, moved.Status);
        Assert.Empty((await domain.Room(org, "d1").Get()).Stays);
        Assert.Equal(StayKind.Booked, (await domain.Room(org, "d2").Get()).Stays.Single().Kind);
        Assert.Equal(1, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE booking_id = $1", moved.Id));
    }

    [Fact]
    public async Task Changing_dates_reprices_the_stay_and_a_clash_keeps_the_old_dates()
    {
        var org = await domain.OpenHotelAsync();
        var (booking, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 6, 8));

        await Assert.ThrowsAsync<RoomUnavailableException>(() => booking.ChangeDates(DomainCluster.Today.AddDays(5), DomainCluster.Today.AddDays(7)));
        Assert.Equal(DomainCluster.Today.AddDays(1), (await booking.Get()).CheckIn);

        var changed = await booking.ChangeDates(DomainCluster.Today.AddDays(2), DomainCluster.Today.AddDays(6));

        Assert.Equal(400m, changed.Total);
        var stay = (await domain.Room(org, "d1").Get()).Stays.Single(s => s.BookingId == changed.Id);
        Assert.Equal((DomainCluster.Today.AddDays(2), DomainCluster.Today.AddDays(6)), (stay.CheckIn, stay.CheckOut));
    }

    [Fact]
    public async Task Repeating_a_hold_returns_the_first_booking_and_a_different_request_under_the_same_id_is_refused()
    {
        var org = await domain.OpenHotelAsync();
        var booking = domain.Booking(org, "same-key");
        var first = await booking.Hold(DomainCluster.Stay("d1", 1, 2));

        var again = await booking.Hold(DomainCluster.Stay("d1", 1, 2));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first), System.Text.Json.JsonSerializer.Serialize(again));
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => booking.Hold(DomainCluster.Stay("d1", 1, 3)));
    }

    [Fact]
    public async Task A_booking_stored_with_its_whole_request_before_fingerprints_still_tells_a_repeat_from_another_request()
    {
        var org = await domain.OpenHotelAsync();
        var booking = domain.Booking(org, "kept-whole");
        var command = DomainCluster.Stay("d1", 4, 6);
        var first = await booking.Hold(command);
        // As an older release stored it: the whole request, no fingerprint.
        await domain.Database.ExecuteAsync(
            "UPDATE grain_state SET payload = (payload - 'requestFingerprint') || jsonb_build_object('request', $2::jsonb) WHERE grain_type = 'booking' AND grain_key = $1",
            $"{org}/kept-whole", System.Text.Json.JsonSerializer.Serialize(command, Persistence.State.GrainJson.Options));
        await domain.Cluster.DeactivateAsync(booking);

        var again = await booking.Hold(command);

        Assert.Equal(first.Id, again.Id);
        Assert.True(again.Repeated);
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => booking.Hold(DomainCluster.Stay("d1", 4, 7)));
    }

    [Fact]
    public async Task Stays_in_the_past_too_short_or_too_long_are_refused_naming_the_field()
    {
        var org = await domain.OpenHotelAsync();

        var past = await Assert.ThrowsAsync<DomainValidationException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", -1, 1)));
        var long_ = await Assert.ThrowsAsync<DomainValidationException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 400)));
        await domain.Property(org).UpdateSettings(new PropertySettings("Hotel", "UTC", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), 3, CancellationPolicy.Default));
        var short_ = await Assert.ThrowsAsync<DomainValidationException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 2)));

        Assert.Contains("checkIn", past.Errors.Keys);
        Assert.Contains("checkOut", long_.Errors.Keys);
        Assert.Contains("checkOut", short_.Errors.Keys);
        Assert.Equal(0, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key LIKE $1", org + "/%"));
    }

    [Fact]
    public async Task Every_change_lands_on_the_property_board_stream_in_order()
    {
        var org = await domain.OpenHotelAsync(doubles: 2, suites: 0);
        var (booking, _) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 0, 1));
        await booking.Confirm();
        await booking.MoveTo("d2");
        await booking.CheckIn();
        await booking.CheckOut();

        var events = await domain.Database.ScalarAsync<string>(
            "SELECT string_agg(event_type, ',' ORDER BY sequence) FROM event_log WHERE stream_namespace = $1 AND stream_key = $2",
            BoardStream.Namespace, GrainKeys.Property(org, "hotel"));

        Assert.Equal("PropertyCreated,RoomAdded,RoomAdded,BookingHeld,BookingConfirmed,BookingMoved,GuestCheckedIn,RoomStatusChanged,GuestCheckedOut", events);
    }
}
