using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Orleans;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class PlanLimitTests(DomainCluster domain) : IClassFixture<DomainCluster>
{
    private static CreateProperty Property(string name) => new(
        new PropertySettings(name, "Europe/Lisbon", "EUR", new TimeOnly(15, 0), new TimeOnly(11, 0), 1, CancellationPolicy.Default),
        [new RoomType("double", "Double", 90m)]);

    [Fact]
    public async Task The_free_plan_allows_one_property_and_ten_rooms_and_a_bigger_plan_lifts_the_limits()
    {
        var org = domain.Grains.GetGrain<IOrganizationGrain>("free-" + Guid.NewGuid().ToString("N")[..8]);
        await org.Create(new CreateOrganization("Small B&B", Plan.Free));
        await org.AddProperty("main", Property("Main"));
        await Assert.ThrowsAsync<PlanLimitException>(() => org.AddProperty("annex", Property("Annex")));
        for (var i = 0; i < 10; i++)
        {
            await org.AddRoom("main", new NewRoom($"r{i}", $"Room {i}", "double"));
        }

        await Assert.ThrowsAsync<PlanLimitException>(() => org.AddRoom("main", new NewRoom("r10", "Room 10", "double")));

        await org.ChangePlan(Plan.Standard);
        await org.AddProperty("annex", Property("Annex"));
        await org.AddRoom("annex", new NewRoom("a1", "Annex 1", "double"));
        var view = await org.Get();

        Assert.Equal(["main", "annex"], view.Properties);
        Assert.Null(view.Limits.MaxRooms);
        Assert.Equal(5, view.Limits.MaxProperties);
    }

    [Fact]
    public async Task A_retired_room_no_longer_counts_against_the_plan()
    {
        var org = domain.Grains.GetGrain<IOrganizationGrain>("free-" + Guid.NewGuid().ToString("N")[..8]);
        await org.Create(new CreateOrganization("Tiny", Plan.Free));
        await org.AddProperty("main", Property("Main"));
        for (var i = 0; i < 10; i++)
        {
            await org.AddRoom("main", new NewRoom($"r{i}", $"Room {i}", "double"));
        }

        await domain.Grains.GetGrain<Abstractions.Properties.IPropertyGrain>(org.GetPrimaryKeyString() + "/main").RetireRoom("r0");

        var added = await org.AddRoom("main", new NewRoom("r10", "Room 10", "double"));
        Assert.Equal("r10", added.Id);
    }

    [Fact]
    public async Task Property_settings_are_checked_field_by_field()
    {
        var org = domain.Grains.GetGrain<IOrganizationGrain>("org-" + Guid.NewGuid().ToString("N")[..8]);
        await org.Create(new CreateOrganization("Checked", Plan.Premium));
        var bad = new CreateProperty(
            new PropertySettings("Bad", "Mars/Olympus", "euro", new TimeOnly(15, 0), new TimeOnly(11, 0), 0, CancellationPolicy.Default),
            [new RoomType("Double Room", "Double", -1m)]);

        var failure = await Assert.ThrowsAsync<DomainValidationException>(() => org.AddProperty("bad", bad));

        Assert.Equal(
            ["currency", "minimumStay", "roomTypes[0].id", "roomTypes[0].nightlyRate", "timeZone"],
            failure.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await org.Get()).Properties);
    }
}
