using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Persistence.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>The embedded default: no connection string, the outbox state and the stays table in the silo's memory.</summary>
public sealed class InMemoryCluster : DomainCluster
{
    protected override bool UsesDatabase => false;

    public IOutboxStore Store => Cluster.GetSiloServiceProvider().GetRequiredService<IOutboxStore>();
}

/// <summary>Without PostgreSQL a room still never holds two stays for one night: its own check, then the memory store's stays table.</summary>
public sealed class InMemoryStoreTests(InMemoryCluster domain) : IClassFixture<InMemoryCluster>
{
    [Fact]
    public async Task A_room_refuses_an_overlapping_stay_by_its_own_calendar_in_memory_too()
    {
        var org = await domain.OpenHotelAsync();
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 4));

        var refused = await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 3, 5)));

        Assert.StartsWith("Room 'd1' is already taken for some nights from ", refused.Message);
        var (_, adjacent) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 4, 6));
        Assert.Equal("d1", adjacent.RoomId);
    }

    [Fact]
    public async Task A_block_keeps_stays_off_its_nights_in_memory_and_its_removal_frees_them()
    {
        var org = await domain.OpenHotelAsync();
        var block = await domain.Property(org).BlockRoom("d1", new Abstractions.Rooms.NewBlock(Day(3), Day(5), Abstractions.Rooms.BlockKinds.OutOfOrder, "Leak"));

        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 4, 6)));
        await domain.Room(org, "d1").Unblock(block.Id);
        // The memory stays table let go of the block's row too: the stay is written over its old nights.
        var (_, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 4, 6));

        Assert.Equal("d1", held.RoomId);
        Assert.Equal([held.Id], (await domain.Room(org, "d1").Get()).Stays.Select(s => s.BookingId));
    }

    private static DateOnly Day(int days) => DomainCluster.Today.AddDays(days);

    [Fact]
    public async Task The_memory_stays_table_refuses_an_overlapping_stay_that_a_room_with_a_stale_calendar_lets_through()
    {
        Assert.IsType<MemoryOutboxStore>(domain.Store);
        var org = await domain.OpenHotelAsync();
        var room = domain.Room(org, "d2");
        var (_, first) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 1, 4));

        // The room forgets the first stay in memory only (as an activation that never saw it would); the table keeps it.
        await room.Release(first.Id);
        Assert.Empty((await room.Get()).Stays);

        var refused = await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d2", 3, 5)));

        // The backstop's words, not the room's own "for some nights from ...": the room's calendar let it through,
        // and then learnt the first stay from the table.
        Assert.Equal("Room 'd2' is already taken for some of those nights.", refused.Message);
        Assert.Equal(first.Id, Assert.Single((await room.Get()).Stays).BookingId);
        // The first stay's nights are still taken, and a stay next to them is not.
        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d2", 0, 2)));
        var (_, adjacent) = await domain.HoldAsync(org, DomainCluster.Stay("d2", 4, 6));
        Assert.Equal("d2", adjacent.RoomId);
        Assert.NotEqual(first.Id, adjacent.Id);
    }
}
