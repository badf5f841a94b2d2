using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// Bookings made by room type wait, unassigned, for the front desk to give them a room; meanwhile
/// each holds a room the system chose, so the type can never be oversold. Assigning keeps that room
/// or moves the booking; auto-assign does it for a day's arrivals.
/// </summary>
public sealed class RoomAssignmentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_booking_by_room_type_waits_unassigned_on_a_room_kept_for_it_and_assigning_keeps_that_room()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var byType = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 3, 5, "Ines")).OkAsync();
        var byRoom = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 3, 5, "Rui")).OkAsync();
        var id = byType.GetProperty("id").GetString()!;
        var kept = byType.GetProperty("roomId").GetString()!;

        Assert.True(byType.GetProperty("unassigned").GetBoolean());
        Assert.False(byRoom.GetProperty("unassigned").GetBoolean());
        Assert.Equal("d1", kept);
        // The kept room counts as taken: no double is left to sell on those nights.
        var availability = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(3)}&checkOut={ApiFixture.Day(5)}").OkAsync();
        Assert.Equal(0, availability.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("roomType").GetString() == "double").GetProperty("freeRooms").GetInt32());
        Assert.True(Bar(await BoardAsync(org), id).GetProperty("unassigned").GetBoolean());

        var assigned = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", null).OkAsync();
        var again = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", new { roomId = kept }).OkAsync();

        Assert.False(assigned.GetProperty("unassigned").GetBoolean());
        Assert.Equal(kept, assigned.GetProperty("roomId").GetString());
        Assert.Equal(kept, again.GetProperty("roomId").GetString());
        Assert.False(Bar(await BoardAsync(org), id).GetProperty("unassigned").GetBoolean());
        Assert.Equal(1L, await api.Database.ScalarAsync<long>(
            "SELECT count(*) FROM event_log WHERE event_type LIKE '%BookingRoomAssigned%' AND strpos(payload::text, $1) > 0", id));
    }

    [Fact]
    public async Task Assigning_another_room_moves_the_booking_there_and_frees_the_kept_one()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var id = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 4, 6, "Ines")).OkAsync()).GetProperty("id").GetString()!;

        var assigned = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", new { roomId = "d2" }).OkAsync();
        var other = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 4, 6, "Rui")).OkAsync();

        Assert.Equal("d2", assigned.GetProperty("roomId").GetString());
        Assert.False(assigned.GetProperty("unassigned").GetBoolean());
        Assert.Equal("d1", other.GetProperty("roomId").GetString());
    }

    [Fact]
    public async Task Assigning_a_taken_or_blocked_room_a_room_too_small_or_a_booking_that_has_its_room_is_refused_and_changes_nothing()
    {
        var org = await api.OpenHotelAsync(doubles: 3, suites: 0);
        var id = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 5, 7, "Ines")).OkAsync()).GetProperty("id").GetString()!;
        await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 6, 8, "Rui")).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms/d3/blocks", new { from = ApiFixture.Day(5), to = ApiFixture.Day(6), kind = "out_of_order", reason = "Leak" }).OkAsync();
        var assigned = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 10, 11, "Eli")).OkAsync()).GetProperty("id").GetString()!;
        var cancelled = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 12, 13, "Ola")).OkAsync()).GetProperty("id").GetString()!;
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{cancelled}/cancel", null).OkAsync();

        using var taken = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", new { roomId = "d2" });
        using var blocked = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", new { roomId = "d3" });
        using var unknownRoom = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", new { roomId = "d9" });
        using var badRoom = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/assign", new { roomId = "../d2" });
        using var wrongType = await api.Client.SendRawAsync(HttpMethod.Post, $"/api/orgs/{org}/bookings/{id}/assign", """{"roomId": 12}""");
        using var hasItsRoom = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{assigned}/assign", new { roomId = "d1" });
        using var notWaiting = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{cancelled}/assign", null);
        using var unknownBooking = await api.Client.PostAsync($"/api/orgs/{org}/bookings/no-such-booking/assign", null);

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoom.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRoom.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, hasItsRoom.StatusCode);
        Assert.Contains("move it", (await hasItsRoom.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, notWaiting.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownBooking.StatusCode);
        var after = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{id}").OkAsync();
        Assert.Equal("d1", after.GetProperty("roomId").GetString());
        Assert.True(after.GetProperty("unassigned").GetBoolean());
    }

    [Fact]
    public async Task Auto_assign_gives_the_days_unassigned_arrivals_their_kept_rooms_and_leaves_other_days_alone()
    {
        var org = await api.OpenHotelAsync(doubles: 4, suites: 0);
        var first = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 2, 4, "Ines")).OkAsync()).GetProperty("id").GetString()!;
        var second = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 2, 3, "Rui")).OkAsync()).GetProperty("id").GetString()!;
        var later = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 3, 5, "Ola")).OkAsync()).GetProperty("id").GetString()!;
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{second}/confirm", null).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d4", 2, 3, "Eli")).OkAsync();

        var answer = await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/auto-assign", new { date = ApiFixture.Day(2) }).OkAsync();
        var none = await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/auto-assign", new { date = ApiFixture.Day(40) }).OkAsync();
        using var noDate = await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/auto-assign", new { });
        using var badDate = await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/auto-assign", new { date = "2026-02-30" });
        using var unknownProperty = await api.Client.PostAsync($"/api/orgs/{org}/properties/no-such-inn/auto-assign", new { date = ApiFixture.Day(2) });

        Assert.Equal(new[] { first, second }.Order(), answer.GetProperty("assigned").EnumerateArray().Select(b => b.GetProperty("id").GetString()).Order());
        Assert.All(answer.GetProperty("assigned").EnumerateArray(), b => Assert.False(b.GetProperty("unassigned").GetBoolean()));
        Assert.Empty(none.GetProperty("assigned").EnumerateArray());
        Assert.True((await api.Client.GetAsync($"/api/orgs/{org}/bookings/{later}").OkAsync()).GetProperty("unassigned").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProperty.StatusCode);
    }

    [Fact]
    public async Task Checking_in_assigns_the_room_the_guest_sleeps_in()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var id = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ByType("double", 0, 2, "Ines")).OkAsync()).GetProperty("id").GetString()!;
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/confirm", null).OkAsync();
        await api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/rooms/d1/housekeeping", new { status = "Clean" }).OkAsync();

        var checkedIn = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/check-in", null).OkAsync();

        Assert.Equal("CheckedIn", ApiFixture.Status(checkedIn));
        Assert.False(checkedIn.GetProperty("unassigned").GetBoolean());
    }

    private static object ByType(string roomType, int from, int to, string guest) => new
    {
        propertyId = "hotel",
        roomType,
        checkIn = ApiFixture.Day(from),
        checkOut = ApiFixture.Day(to),
        guest = new { name = guest, email = "guest@example.com" },
    };

    private Task<JsonElement> BoardAsync(string org) =>
        api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board?from={ApiFixture.Day(0)}&to={ApiFixture.Day(14)}").OkAsync();

    private static JsonElement Bar(JsonElement board, string id) =>
        board.GetProperty("bookings").EnumerateArray().Single(b => b.GetProperty("id").GetString() == id);
}
