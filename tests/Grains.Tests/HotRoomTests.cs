using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>
/// One room, many guests at once: the room agrees in memory one call at a time while the bookings
/// commit side by side, each in its own transaction. A commit the database refuses takes down that
/// booking only; every other guest keeps the hold they were told they have, and nothing else.
/// </summary>
public sealed class HotRoomTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    private const int Guests = 24;
    private const int GhostNight = 7;

    [Fact]
    public async Task Many_guests_holding_one_room_at_once_each_get_their_night_except_the_one_the_database_refuses()
    {
        var org = await domain.OpenHotelAsync(doubles: 1, suites: 0);
        var roomKey = $"{org}/hotel/d1";
        await domain.Room(org, "d1").Get();
        // A stay the room's activation never saw (as if another activation had committed it): only the table knows.
        await domain.Database.ExecuteAsync(
            "INSERT INTO stays (room_key, booking_id, nights, kind) VALUES ($1, 'ghost', daterange($2, $3), 'Booked')",
            roomKey, DomainCluster.Today.AddDays(GhostNight), DomainCluster.Today.AddDays(GhostNight + 1));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Guests).Select(async night =>
        {
            var booking = domain.Booking(org, $"night-{night}");
            try
            {
                return (Night: night, View: (BookingView?)await booking.Hold(DomainCluster.Stay("d1", night, night + 1, $"Guest {night}")), Failure: (Exception?)null);
            }
            catch (Exception failure)
            {
                return (Night: night, View: null, Failure: failure);
            }
        }));

        var refused = Assert.Single(outcomes, o => o.View is null);
        Assert.Equal(GhostNight, refused.Night);
        Assert.IsType<RoomUnavailableException>(refused.Failure);
        Assert.All(outcomes.Where(o => o.View is not null), o => Assert.Equal(BookingStatus.Held, o.View!.Status));

        // What the callers were told is what committed: each held night's row, state and event; nothing of the refused one.
        var rows = await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1 AND booking_id <> 'ghost'", roomKey);
        var held = await domain.Database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_state WHERE grain_type = 'booking' AND grain_key LIKE $1 AND payload->>'status' = 'Held'", $"{org}/night-%");
        var events = await domain.Database.ScalarAsync<long>(
            "SELECT count(*) FROM event_log WHERE stream_key = $1 AND event_type = 'BookingHeld'", $"{org}/hotel");
        Assert.Equal([Guests - 1, Guests - 1, Guests - 1], new[] { rows, held, events });
        Assert.Equal(0L, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM grain_state WHERE grain_type = 'booking' AND grain_key = $1", $"{org}/night-{GhostNight}"));

        // After the refusal the room learnt the ghost from the table and kept every hold on its way there.
        var calendar = (await domain.Room(org, "d1").Get()).Stays.Select(s => s.BookingId).ToHashSet();
        Assert.Contains("ghost", calendar);
        Assert.Equal(Guests, calendar.Count);
    }
}
