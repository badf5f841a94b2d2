using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Testing;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>A cluster whose holds lapse after two seconds.</summary>
public sealed class ShortHoldCluster : DomainCluster
{
    protected override TimeSpan HoldTimeout => TimeSpan.FromSeconds(2);
}

public sealed class HoldExpiryTests(ShortHoldCluster domain) : IClassFixture<ShortHoldCluster>
{
    [Fact]
    public async Task A_hold_nobody_confirms_expires_by_reminder_and_frees_the_room()
    {
        var org = await domain.OpenHotelAsync();
        var (booking, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        await domain.Cluster.DeactivateAsync(booking);

        await ExpiredInDatabase(org, held.Id);

        Assert.Empty((await domain.Room(org, "d1").Get()).Stays);
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.Confirm());
        var (_, again) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        Assert.Equal("d1", again.RoomId);
        Assert.Equal(BookingStatus.Expired, (await booking.Get()).Status);
    }

    [Fact]
    public async Task A_hold_expires_after_the_silo_restarted_in_between()
    {
        var org = await domain.OpenHotelAsync();
        var (_, held) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 1, 3));

        await domain.Cluster.RestartAsync();

        await ExpiredInDatabase(org, held.Id);
        var (_, again) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 1, 3));
        Assert.Equal("d2", again.RoomId);
    }

    // Polls storage, not the grain: asking the grain would expire the hold itself, and this is about the reminder.
    private Task<string> ExpiredInDatabase(string org, string bookingId) =>
        Eventually.MatchAsync(
            () => domain.Database.ScalarAsync<string>(
                """
                SELECT (SELECT payload->>'status' FROM grain_state WHERE grain_type = 'BookingGrain' AND grain_key = $1)
                    || ' ' || (SELECT count(*) FROM stays WHERE booking_id = $2)
                """,
                $"{org}/{bookingId}", bookingId),
            seen => seen == "Expired 0");
}
