using System.Text.Json;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class PersistenceTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    [Fact]
    public async Task After_a_restart_every_booking_room_status_and_property_setting_is_back()
    {
        var org = await domain.OpenHotelAsync(doubles: 3);
        await domain.Property(org).SetNightlyRates(new SetNightlyRates("double", DomainCluster.Today.AddDays(1), DomainCluster.Today.AddDays(3), 155.5m));
        await domain.Property(org).SaveRoomType(new RoomType("family", "Family room", 199.99m));
        await domain.Property(org).RenameRoom("d3", "Garden double");
        await domain.Room(org, "d2").SetHousekeeping(Housekeeping.OutOfOrder);
        var (_, held) = await domain.HoldAsync(org, DomainCluster.Stay("d1", 1, 3));
        var (inHouseGrain, inHouse) = await domain.HoldAsync(org, DomainCluster.Stay("s1", 0, 2));
        await inHouseGrain.Confirm();
        await inHouseGrain.CheckIn();
        var (cancelledGrain, cancelled) = await domain.HoldAsync(org, DomainCluster.Stay("d3", 4, 5));
        await cancelledGrain.Cancel();
        var before = await Snapshot(org, held.Id, inHouse.Id, cancelled.Id);

        await domain.RestartAsync();

        var after = await Snapshot(org, held.Id, inHouse.Id, cancelled.Id);
        Assert.Equal(before, after);
        Assert.Equal(Housekeeping.OutOfOrder, (await domain.Room(org, "d2").Get()).Housekeeping);
        Assert.Equal(155.5m, (await domain.Property(org).Get()).RoomTypes.Single(t => t.Id == "double").Overrides[0].NightlyRate);
        Assert.Equal(BookingStatus.CheckedIn, (await domain.Booking(org, inHouse.Id).Get()).Status);
    }

    // As JSON: views hold lists, which records compare by reference. Grain references are taken
    // afresh each time: those from before the restart belong to the stopped silo.
    private async Task<string> Snapshot(string org, params string[] bookings)
    {
        var organization = await domain.Grains.GetGrain<IOrganizationGrain>(org).Get();
        var property = await domain.Property(org).Get();
        var rooms = await domain.Property(org).ListRooms();
        var views = new List<BookingView>();
        foreach (var booking in bookings)
        {
            views.Add(await domain.Booking(org, booking).Get());
        }

        return JsonSerializer.Serialize(new { organization, property, rooms, views });
    }
}
