using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// A family room's rate covers two guests; each guest beyond pays a charge a night. Quotes, holds,
/// date changes, the board and an export all price the party the same way.
/// </summary>
public sealed class ExtraGuestChargeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Each_guest_beyond_those_the_rate_covers_pays_the_charge_every_night_in_quotes_holds_and_date_changes()
    {
        var org = await FamilyHotelAsync();
        var hotel = $"/api/orgs/{org}/properties/hotel";
        var stay = $"checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(3)}";

        var totals = new List<decimal>();
        for (var guests = 1; guests <= 4; guests++)
        {
            totals.Add((await api.Client.GetAsync($"{hotel}/quote?roomType=family&{stay}&guests={guests}").OkAsync()).GetProperty("total").GetDecimal());
        }

        Assert.Equal([200m, 200m, 250m, 300m], totals);
        var search = await api.Client.GetAsync($"{hotel}/availability?{stay}&guests=3").OkAsync();
        Assert.Equal(250m, search.GetProperty("roomTypes")[0].GetProperty("quote").GetProperty("total").GetDecimal());

        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomId = "f1",
            checkIn = ApiFixture.Day(1),
            checkOut = ApiFixture.Day(3),
            guests = 3,
            guest = new { name = "Berg Family", email = "berg@example.com" },
        }).OkAsync();
        Assert.Equal(250m, held.GetProperty("total").GetDecimal());
        Assert.All(held.GetProperty("nights").EnumerateArray(), n => Assert.Equal(125m, n.GetProperty("price").GetDecimal()));

        // A longer stay is repriced for the same party, not for one guest.
        var id = held.GetProperty("id").GetString();
        var longer = await api.Client.PutAsync($"/api/orgs/{org}/bookings/{id}/dates", new { checkIn = ApiFixture.Day(1), checkOut = ApiFixture.Day(4) }).OkAsync();
        Assert.Equal(375m, longer.GetProperty("total").GetDecimal());

        // The board's group header knows the charge, to say it beside the rate.
        var board = await api.Client.GetAsync($"{hotel}/board").OkAsync();
        var family = board.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "family");
        Assert.Equal(25m, family.GetProperty("extraGuestCharge").GetDecimal());
        Assert.Equal(2, family.GetProperty("includedGuests").GetInt32());
    }

    [Fact]
    public async Task A_rate_change_from_a_client_that_knows_nothing_of_charges_keeps_them_and_room_types_without_one_price_every_party_alike()
    {
        var org = await FamilyHotelAsync();
        var hotel = $"/api/orgs/{org}/properties/hotel";
        await api.Client.PutAsync($"{hotel}/room-types/family", new { name = "Family", nightlyRate = 110m }).OkAsync();

        var family = RoomType(await api.Client.GetAsync(hotel).OkAsync(), "family");
        var quote = await api.Client.GetAsync($"{hotel}/quote?roomType=family&checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(2)}&guests=4").OkAsync();
        var double2 = await api.Client.GetAsync($"{hotel}/quote?roomType=double&checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(2)}&guests=2").OkAsync();

        Assert.Equal(25m, family.GetProperty("extraGuestCharge").GetDecimal());
        Assert.Equal(2, family.GetProperty("includedGuests").GetInt32());
        Assert.Equal(160m, quote.GetProperty("total").GetDecimal());
        Assert.Equal(100m, double2.GetProperty("total").GetDecimal());
        Assert.Equal(0m, RoomType(await api.Client.GetAsync(hotel).OkAsync(), "double").GetProperty("extraGuestCharge").GetDecimal());
    }

    public static TheoryData<string, object, string> BadCharges => new()
    {
        { "a negative charge", new { name = "Family", nightlyRate = 100m, maxOccupancy = 4, extraGuestCharge = -5m }, "extraGuestCharge" },
        { "a charge in thousandths", new { name = "Family", nightlyRate = 100m, maxOccupancy = 4, extraGuestCharge = 1.234m }, "extraGuestCharge" },
        { "a huge charge", new { name = "Family", nightlyRate = 100m, maxOccupancy = 4, extraGuestCharge = 1e12m }, "extraGuestCharge" },
        { "a rate covering nobody", new { name = "Family", nightlyRate = 100m, maxOccupancy = 4, includedGuests = 0 }, "includedGuests" },
        { "a rate covering more than the room sleeps", new { name = "Family", nightlyRate = 100m, maxOccupancy = 4, includedGuests = 5 }, "includedGuests" },
        { "a rate covering more than the saved occupancy", new { name = "Family", nightlyRate = 100m, includedGuests = 5 }, "includedGuests" },
    };

    [Theory]
    [MemberData(nameof(BadCharges))]
    public async Task A_bad_charge_or_number_of_guests_covered_is_a_400_naming_the_field_and_changes_nothing(string why, object body, string field)
    {
        var org = await FamilyHotelAsync();
        var hotel = $"/api/orgs/{org}/properties/hotel";
        var before = await api.Database.FingerprintAsync();

        using var refused = await api.Client.PutAsync($"{hotel}/room-types/family", body);

        Assert.True(HttpStatusCode.BadRequest == refused.StatusCode, why);
        var problem = await refused.ReadAsync();
        Assert.Equal(ApiFixture.Problems + "validation", problem.ProblemType());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {problem}");
        Assert.Equal(before, await api.Database.FingerprintAsync());
    }

    [Fact]
    public async Task An_export_imported_elsewhere_keeps_each_room_types_occupancy_and_extra_guest_charge()
    {
        var source = await FamilyHotelAsync();
        var document = await api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync();
        var target = "new-" + Guid.NewGuid().ToString("N")[..12];
        await api.Client.PostAsync("/api/orgs", new { id = target, name = "New Hotels", plan = "Premium" }).OkAsync();

        await api.Client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        var family = RoomType(await api.Client.GetAsync($"/api/orgs/{target}/properties/hotel").OkAsync(), "family");
        Assert.Equal(4, family.GetProperty("maxOccupancy").GetInt32());
        Assert.Equal(25m, family.GetProperty("extraGuestCharge").GetDecimal());
        Assert.Equal(2, family.GetProperty("includedGuests").GetInt32());
    }

    /// <summary>The test hotel with a family room (f1) sleeping four, its 100 a night covering two and 25 a night for each guest more.</summary>
    private async Task<string> FamilyHotelAsync()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var hotel = $"/api/orgs/{org}/properties/hotel";
        await api.Client.PutAsync($"{hotel}/room-types/family", new { name = "Family", nightlyRate = 100m, maxOccupancy = 4, includedGuests = 2, extraGuestCharge = 25m }).OkAsync();
        await api.Client.PostAsync($"{hotel}/rooms", new { id = "f1", name = "Family 1", roomType = "family" }).OkAsync();
        return org;
    }

    private static JsonElement RoomType(JsonElement property, string id) =>
        property.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
}
