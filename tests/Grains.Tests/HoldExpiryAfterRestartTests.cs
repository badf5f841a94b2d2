using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>A cluster whose holds outlive a stop of the cluster, so the restarted one is what expires them.</summary>
public sealed class RestartHoldCluster : DomainCluster
{
    protected override TimeSpan HoldTimeout => TimeSpan.FromSeconds(8);
}

public sealed class HoldExpiryAfterRestartTests(RestartHoldCluster domain) : IClassFixture<RestartHoldCluster>
{
    [Fact]
    public async Task A_hold_expires_after_the_silo_restarted_in_between()
    {
        var org = await domain.OpenHotelAsync();
        var (_, held) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 1, 3));

        await domain.StopAsync();
        // Nothing expired it before the stop: whatever expires it now is the restarted cluster, from the reminders table.
        Assert.Equal("Held 1", await domain.BookingInDatabaseAsync(org, held.Id));
        await domain.StartAsync();

        // Polls storage, not the grain: asking the grain would expire the hold itself, and this is about the reminder.
        // A first tick that fell while no silo ran comes one reminder period (a minute) later, hence the longer wait.
        await Eventually.Until(() => domain.BookingInDatabaseAsync(org, held.Id), seen => seen == "Expired 0", within: TimeSpan.FromSeconds(100));
        var (_, again) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 1, 3));
        Assert.Equal("d2", again.RoomId);
    }
}
