using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class HoldExpiryTests(ShortHoldCluster domain) : IClassFixture<ShortHoldCluster>
{
    [Fact]
    public async Task A_hold_nobody_confirms_expires_by_reminder_and_frees_the_room()
    {
        var org = await domain.OpenHotelAsync();
        var (booking, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        await domain.Cluster.DeactivateAsync(booking);

        // Polls storage, not the grain: asking the grain would expire the hold itself, and this is about the reminder.
        await Eventually.Until(() => domain.BookingInDatabaseAsync(org, held.Id), seen => seen == "Expired 0");

        Assert.Empty((await domain.Room(org, "d1").Get()).Stays);
        await Assert.ThrowsAsync<InvalidTransitionException>(() => booking.Confirm());
        var (_, again) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        Assert.Equal("d1", again.RoomId);
        Assert.Equal(BookingStatus.Expired, (await booking.Get()).Status);
    }
}
