using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests;

public sealed class GuestCountTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_room_type_sleeps_two_unless_told_otherwise_and_keeps_its_occupancy_when_only_its_rate_changes()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var hotel = $"/api/orgs/{org}/properties/hotel";

        var opened = await api.Client.GetAsync(hotel).OkAsync();
        var family = await api.Client.PutAsync($"{hotel}/room-types/family", new { name = "Family", nightlyRate = 180m, maxOccupancy = 4 }).OkAsync();
        var repriced = await api.Client.PutAsync($"{hotel}/room-types/family", new { name = "Family", nightlyRate = 190m }).OkAsync();
        var single = await api.Client.PutAsync($"{hotel}/room-types/double", new { name = "Double for one", nightlyRate = 80m, maxOccupancy = 1 }).OkAsync();

        Assert.All(opened.GetProperty("roomTypes").EnumerateArray(), t => Assert.Equal(2, t.GetProperty("maxOccupancy").GetInt32()));
        Assert.Equal(4, Occupancy(family, "family"));
        Assert.Equal(4, Occupancy(repriced, "family"));
        Assert.Equal(1, Occupancy(single, "double"));
    }

    [Fact]
    public async Task Availability_lists_only_room_types_that_sleep_the_party_and_a_quote_above_a_room_types_occupancy_names_guests()
    {
        var org = await FamilyHotelAsync();
        var hotel = $"/api/orgs/{org}/properties/hotel";
        var stay = $"checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(3)}";

        var anyone = await api.Client.GetAsync($"{hotel}/availability?{stay}").OkAsync();
        var three = await api.Client.GetAsync($"{hotel}/availability?{stay}&guests=3").OkAsync();
        var five = await api.Client.GetAsync($"{hotel}/availability?{stay}&guests=5").OkAsync();
        var quote = await api.Client.GetAsync($"{hotel}/quote?roomType=family&{stay}&guests=4").OkAsync();
        using var tooMany = await api.Client.GetAsync($"{hotel}/quote?roomType=double&{stay}&guests=3");

        Assert.Equal(["double", "family", "suite"], RoomTypes(anyone).Order());
        Assert.Equal(["family"], RoomTypes(three));
        Assert.Equal(3, three.GetProperty("guests").GetInt32());
        Assert.Equal(4, three.GetProperty("roomTypes")[0].GetProperty("maxOccupancy").GetInt32());
        Assert.Empty(RoomTypes(five));
        Assert.Equal(4, quote.GetProperty("guests").GetInt32());
        Assert.Equal(360m, quote.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var problem = await tooMany.ReadAsync();
        Assert.Equal(ApiFixture.Problems + "validation", problem.ProblemType());
        Assert.Contains("at most 2 guests", problem.GetProperty("errors").GetProperty("guests")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guest_count_is_kept_on_the_booking_shown_to_managers_and_a_party_too_large_for_a_room_is_refused_with_nothing_written()
    {
        var org = await FamilyHotelAsync();
        var hotel = $"/api/orgs/{org}/properties/hotel";

        using var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomType = "family",
            checkIn = ApiFixture.Day(1),
            checkOut = ApiFixture.Day(3),
            guests = 3,
            guest = new { name = "Family Berg", email = "berg@example.com" },
        });
        var booking = await held.ReadAsync();
        var id = booking.GetProperty("id").GetString();
        var read = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{id}").OkAsync();
        var board = await api.Client.GetAsync($"{hotel}/board").OkAsync();
        var alone = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 2, "No Count Given")).OkAsync();

        var before = await api.Database.FingerprintAsync();
        using var tooLarge = await api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomId = "d1",
            checkIn = ApiFixture.Day(5),
            checkOut = ApiFixture.Day(6),
            guests = 3,
            guest = new { name = "Too Many", email = "many@example.com" },
        });
        using var moveTooSmall = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/move", new { roomId = "d1" });

        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal(3, booking.GetProperty("guests").GetInt32());
        Assert.Equal(3, read.GetProperty("guests").GetInt32());
        Assert.Equal(3, board.GetProperty("bookings").EnumerateArray().Single(b => b.GetProperty("id").GetString() == id).GetProperty("guests").GetInt32());
        Assert.Equal(1, alone.GetProperty("guests").GetInt32());
        Assert.All([tooLarge, moveTooSmall], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.True((await tooLarge.ReadAsync()).GetProperty("errors").TryGetProperty("guests", out _));
        Assert.True((await moveTooSmall.ReadAsync()).GetProperty("errors").TryGetProperty("guests", out _));
        Assert.Equal(before, await api.Database.FingerprintAsync());
    }

    [Fact]
    public async Task Room_types_and_bookings_saved_before_guest_counts_existed_read_as_sleeping_two_and_a_count_not_recorded()
    {
        var org = await FamilyHotelAsync();
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomId = "f1",
            checkIn = ApiFixture.Day(1),
            checkOut = ApiFixture.Day(2),
            guests = 4,
            guest = new { name = "Older Booking", email = "old@example.com" },
        }).OkAsync()).GetProperty("id").GetString();

        // The state as an older release wrote it: no occupancy on room types, no guest count on bookings.
        await api.Database.ExecuteAsync("""
            UPDATE grain_state SET payload = jsonb_set(payload, '{roomTypes}', (SELECT jsonb_agg(t - 'maxOccupancy') FROM jsonb_array_elements(payload->'roomTypes') t))
            WHERE grain_type = 'property' AND grain_key = $1
            """, $"{org}/hotel");
        await api.Database.ExecuteAsync("""
            UPDATE grain_state SET payload = payload - 'guests'
            WHERE grain_type = 'booking' AND grain_key = $1
            """, $"{org}/{booking}");
        await api.RestartAsync();

        var property = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel").OkAsync();
        var three = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(3)}&checkOut={ApiFixture.Day(4)}&guests=3").OkAsync();
        var read = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{booking}").OkAsync();

        Assert.Equal(2, Occupancy(property, "family"));
        Assert.Empty(RoomTypes(three));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("guests").ValueKind);
    }

    /// <summary>The test hotel (doubles and a suite, sleeping two) with a family room that sleeps four.</summary>
    private async Task<string> FamilyHotelAsync()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 1);
        await api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/room-types/family", new { name = "Family", nightlyRate = 180m, maxOccupancy = 4 }).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "f1", name = "Family 1", roomType = "family" }).OkAsync();
        return org;
    }

    private static int Occupancy(JsonElement property, string roomType) =>
        property.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == roomType).GetProperty("maxOccupancy").GetInt32();

    private static IEnumerable<string?> RoomTypes(JsonElement availability) =>
        availability.GetProperty("roomTypes").EnumerateArray().Select(t => t.GetProperty("roomType").GetString());
}
