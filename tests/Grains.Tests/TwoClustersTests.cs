using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Orleans;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>
/// Two clusters that do not know each other (as after a split) on one database: each has its own
/// activation of the same room, and only the database stands between them and a double booking.
/// </summary>
public sealed class TwoClustersTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    private const int Rounds = 25;

    [Fact]
    public async Task Two_activations_of_one_room_racing_for_the_same_nights_let_exactly_one_stay_in_and_refuse_the_other_as_unavailable()
    {
        var org = await domain.OpenHotelAsync(doubles: 1, suites: 0);
        await using var other = await domain.StartSecondClusterAsync();
        Assert.NotEqual(domain.Cluster.Options.ClusterId, other.Options.ClusterId);
        var roomKey = $"{org}/hotel/d1";
        // Both clusters have the room active before the race, each with the same calendar.
        Assert.Empty((await domain.Room(org, "d1").Get()).Stays);
        Assert.Empty((await Room(other, org).Get()).Stays);

        var winners = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // Overlapping on one night: [3r+1, 3r+3) and [3r+2, 3r+4).
            var here = Outcome(domain.Grains, org, DomainCluster.Stay("d1", 3 * round + 1, 3 * round + 3, "Ann"));
            var there = Outcome(other.Client, org, DomainCluster.Stay("d1", 3 * round + 2, 3 * round + 4, "Bob"));
            var outcomes = await Task.WhenAll(here, there).WaitAsync(TimeSpan.FromSeconds(60));

            var held = outcomes.Where(o => o.View is not null).ToList();
            var refused = outcomes.Where(o => o.View is null).ToList();
            Assert.True(held.Count == 1, $"Round {round}: {held.Count} holds succeeded ({string.Join("; ", outcomes.Select(o => o.Failure?.GetType().Name ?? "held"))}).");
            var failure = Assert.Single(refused).Failure;
            Assert.True(failure is RoomUnavailableException, $"Round {round}: the loser got {failure}, not room-unavailable.");
            Assert.Equal(BookingStatus.Held, held[0].View!.Status);
            winners.Add(held[0].View!.Id);
        }

        Assert.Equal(0L, await domain.Database.ScalarAsync<long>(
            "SELECT count(*) FROM stays a JOIN stays b ON a.room_key = b.room_key AND a.booking_id < b.booking_id AND a.nights && b.nights WHERE a.room_key = $1",
            roomKey));
        Assert.Equal(
            winners.Order(StringComparer.Ordinal),
            (await domain.Database.ScalarAsync<string>("SELECT string_agg(booking_id, ',' ORDER BY booking_id COLLATE \"C\") FROM stays WHERE room_key = $1", roomKey)).Split(','));
    }

    private static async Task<(BookingView? View, Exception? Failure)> Outcome(IGrainFactory grains, string org, HoldBooking command)
    {
        try
        {
            return (await grains.GetGrain<IBookingGrain>(Abstractions.GrainKeys.Booking(org, Guid.NewGuid().ToString("N"))).Hold(command), null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private static Abstractions.Rooms.IRoomGrain Room(Orleans.TestingHost.InProcessTestCluster cluster, string org) =>
        cluster.Client.GetGrain<Abstractions.Rooms.IRoomGrain>(Abstractions.GrainKeys.Room(org, "hotel", "d1"));
}
