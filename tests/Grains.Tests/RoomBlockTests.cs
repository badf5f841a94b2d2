using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Rooms;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>A room's blocks are part of its calendar: kept in its state across restarts, and no stay (new, moved or restored) shares a night with one.</summary>
public sealed class RoomBlockTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    [Fact]
    public async Task A_block_outlives_a_restart_and_keeps_refusing_stays_over_its_nights()
    {
        var org = await domain.OpenHotelAsync();
        var block = await domain.Property(org).BlockRoom("d1", new NewBlock(Day(3), Day(5), BlockKinds.OutOfOrder, "Bathroom refit"));

        await domain.RestartAsync();

        var room = domain.Room(org, "d1");
        Assert.Equal(block, Assert.Single((await room.Get()).Blocks));
        Assert.False(await room.IsFree(Day(4), Day(6)));
        Assert.True(await room.IsFree(Day(5), Day(7)));
        await Assert.ThrowsAsync<RoomUnavailableException>(() => domain.HoldAsync(org, DomainCluster.Stay("d1", 2, 4)));
        var (_, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        await Assert.ThrowsAsync<RoomUnavailableException>(() => room.ChangeDates(held.Id, Day(1), Day(4)));
        await Assert.ThrowsAsync<RoomUnavailableException>(() => room.Restore(new RoomStay("imported", Day(4), Day(6), StayKind.Booked, null)));
    }

    [Fact]
    public async Task A_block_starting_before_today_at_the_property_is_refused_by_the_room_itself()
    {
        var org = await domain.OpenHotelAsync();

        var refused = await Assert.ThrowsAsync<DomainValidationException>(
            () => domain.Room(org, "d1").Block(new NewBlock(Day(-1), Day(2), BlockKinds.OutOfService, "Painting"), Day(0)));

        Assert.Contains("from", refused.Errors.Keys);
        Assert.Empty((await domain.Room(org, "d1").Get()).Blocks);
    }

    [Fact]
    public async Task A_block_is_a_row_of_the_stays_table_so_the_exclusion_constraint_keeps_stays_and_blocks_apart_whatever_an_activation_believes()
    {
        var org = await domain.OpenHotelAsync();
        var block = await domain.Property(org).BlockRoom("d1", new NewBlock(Day(3), Day(5), BlockKinds.OutOfOrder, "Bathroom refit"));
        var d1 = $"{org}/hotel/d1";
        var d2 = $"{org}/hotel/d2";

        Assert.Equal("Block", await domain.Database.ScalarAsync<string>("SELECT kind FROM stays WHERE room_key = $1", d1));

        // As if another activation of the room had let a stay through over the block: the table refuses it.
        var overBlock = await Assert.ThrowsAnyAsync<Exception>(() => domain.Database.ExecuteAsync(
            "INSERT INTO stays (room_key, booking_id, nights, kind) VALUES ($1, 'ghost', daterange($2, $3), 'Booked')", d1, Day(4), Day(6)));
        Assert.Contains("stays_no_double_booking", overBlock.Message, StringComparison.Ordinal);
        Assert.Empty((await domain.Room(org, "d1").Get()).Stays);

        // And a stay this activation never saw refuses a block over it: a conflict, nothing written, the stay learnt.
        var room = domain.Room(org, "d2");
        await room.Get();
        await domain.Database.ExecuteAsync(
            "INSERT INTO stays (room_key, booking_id, nights, kind) VALUES ($1, 'ghost', daterange($2, $3), 'Booked')", d2, Day(2), Day(4));
        await Assert.ThrowsAsync<ConflictException>(() => domain.Property(org).BlockRoom("d2", new NewBlock(Day(3), Day(6), BlockKinds.OutOfService, "Painting")));
        var view = await room.Get();
        Assert.Empty(view.Blocks);
        Assert.Equal("ghost", Assert.Single(view.Stays).BookingId);

        // Removing the block frees its row with it.
        await domain.Room(org, "d1").Unblock(block.Id);
        Assert.Equal(0L, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", d1));
    }

    [Fact]
    public async Task A_restored_block_keeps_its_id_and_past_nights_and_the_rooms_next_block_is_numbered_after_it()
    {
        var org = await domain.OpenHotelAsync();
        var room = domain.Room(org, "d1");
        var past = new RoomBlock("4", Day(-20), Day(-15), BlockKinds.OutOfOrder, "Flooded");
        var coming = new RoomBlock("7", Day(3), Day(5), BlockKinds.OutOfService, "Show room");

        await room.RestoreBlock(past);
        await room.RestoreBlock(coming);
        await room.RestoreBlock(coming);
        await domain.RestartAsync();

        room = domain.Room(org, "d1");
        Assert.Equal([past, coming], (await room.Get()).Blocks);
        Assert.Equal(2L, await domain.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1 AND kind = 'Block'", $"{org}/hotel/d1"));
        Assert.False(await room.IsFree(Day(4), Day(6)));
        var next = await domain.Property(org).BlockRoom("d1", new NewBlock(Day(8), Day(9), BlockKinds.OutOfOrder, "Boiler"));
        Assert.Equal("8", next.Id);
    }

    [Fact]
    public async Task A_restored_block_over_a_stay_or_a_block_or_under_another_id_is_refused_and_nothing_changes()
    {
        var org = await domain.OpenHotelAsync();
        var room = domain.Room(org, "d1");
        await room.RestoreBlock(new RoomBlock("1", Day(3), Day(5), BlockKinds.OutOfOrder, "Bathroom refit"));
        await domain.HoldAsync(org, DomainCluster.Stay("d1", 6, 8));

        await Assert.ThrowsAsync<ConflictException>(() => room.RestoreBlock(new RoomBlock("2", Day(4), Day(6), BlockKinds.OutOfOrder, "Painting")));
        await Assert.ThrowsAsync<ConflictException>(() => room.RestoreBlock(new RoomBlock("2", Day(7), Day(9), BlockKinds.OutOfOrder, "Painting")));
        await Assert.ThrowsAsync<ConflictException>(() => room.RestoreBlock(new RoomBlock("1", Day(10), Day(12), BlockKinds.OutOfOrder, "Painting")));
        var badId = await Assert.ThrowsAsync<DomainValidationException>(() => room.RestoreBlock(new RoomBlock("01", Day(10), Day(12), BlockKinds.OutOfOrder, "Painting")));

        Assert.Contains("id", badId.Errors.Keys);
        Assert.Single((await room.Get()).Blocks);
        Assert.Equal("2", (await domain.Property(org).BlockRoom("d1", new NewBlock(Day(10), Day(12), BlockKinds.OutOfOrder, "Painting"))).Id);
    }

    private static DateOnly Day(int days) => DomainCluster.Today.AddDays(days);
}
