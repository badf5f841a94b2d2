using System.Net;
using Xunit;

namespace Actors.Api.Tests;

public sealed class BookingFlowTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_guest_searches_holds_confirms_moves_checks_in_and_out_over_http()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var hotel = $"/api/orgs/{org}/properties/hotel";
        var search = await api.Client.GetAsync($"{hotel}/availability?checkIn={ApiFixture.Day(0)}&checkOut={ApiFixture.Day(2)}").OkAsync();
        var doubles = search.GetProperty("roomTypes").EnumerateArray().Single(t => t.GetProperty("roomType").GetString() == "double");
        Assert.Equal(2, doubles.GetProperty("freeRooms").GetInt32());
        Assert.Equal(200m, doubles.GetProperty("quote").GetProperty("total").GetDecimal());

        using var created = await api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomType = "double",
            checkIn = ApiFixture.Day(0),
            checkOut = ApiFixture.Day(2),
            guest = new { name = "Ann", email = "ann@example.com" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.ReadAsync();
        var path = created.Headers.Location!.OriginalString;
        Assert.Equal("Held", ApiFixture.Status(booking));

        Assert.Equal("Confirmed", ApiFixture.Status(await api.Client.PostAsync($"{path}/confirm", null).OkAsync()));
        var moved = await api.Client.PostAsync($"{path}/move", new { roomId = "s1" }).OkAsync();
        Assert.Equal("s1", moved.GetProperty("roomId").GetString());
        Assert.Equal(200m, moved.GetProperty("total").GetDecimal());

        await api.Client.PutAsync($"{hotel}/rooms/s1/housekeeping", new { status = "Dirty" }).OkAsync();
        using var notReady = await api.Client.PostAsync($"{path}/check-in", null);
        Assert.Equal(HttpStatusCode.Conflict, notReady.StatusCode);
        Assert.Equal(ApiFixture.Problems + "room-not-ready", (await notReady.ReadAsync()).ProblemType());

        await api.Client.PutAsync($"{hotel}/rooms/s1/housekeeping", new { status = "Inspected" }).OkAsync();
        Assert.Equal("CheckedIn", ApiFixture.Status(await api.Client.PostAsync($"{path}/check-in", null).OkAsync()));
        using var cancelInHouse = await api.Client.PostAsync($"{path}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, cancelInHouse.StatusCode);
        Assert.Equal(ApiFixture.Problems + "invalid-transition", (await cancelInHouse.ReadAsync()).ProblemType());

        Assert.Equal("CheckedOut", ApiFixture.Status(await api.Client.PostAsync($"{path}/check-out", null).OkAsync()));
        var room = await api.Client.GetAsync($"{hotel}/rooms/s1").OkAsync();
        Assert.Equal("Dirty", room.GetProperty("housekeeping").GetString());
    }

    [Fact]
    public async Task Changing_dates_over_http_reprices_and_a_clash_is_a_room_unavailable_problem()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        await api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/room-types/double/rates", new { from = ApiFixture.Day(4), to = ApiFixture.Day(5), nightlyRate = 175m }).OkAsync();
        var first = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 3)).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 6, 8)).OkAsync();
        var path = $"/api/orgs/{org}/bookings/{first.GetProperty("id").GetString()}";

        using var clash = await api.Client.PutAsync($"{path}/dates", new { checkIn = ApiFixture.Day(5), checkOut = ApiFixture.Day(7) });
        var changed = await api.Client.PutAsync($"{path}/dates", new { checkIn = ApiFixture.Day(3), checkOut = ApiFixture.Day(6) }).OkAsync();

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(ApiFixture.Problems + "room-unavailable", (await clash.ReadAsync()).ProblemType());
        Assert.Equal(375m, changed.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Going_over_the_free_plan_is_a_plan_limit_problem_until_the_plan_changes()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 10, suites: 0);

        using var eleventh = await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "d11", name = "Double 11", roomType = "double" });
        using var second = await api.Client.PostAsync($"/api/orgs/{org}/properties", new
        {
            id = "annex",
            settings = new { name = "Annex", timeZone = "UTC", currency = "EUR", checkInTime = "15:00", checkOutTime = "11:00" },
            roomTypes = Array.Empty<object>(),
        });
        await api.Client.PutAsync($"/api/orgs/{org}/plan", new { plan = "Standard" }).OkAsync();
        using var afterUpgrade = await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "d11", name = "Double 11", roomType = "double" });

        Assert.Equal(HttpStatusCode.Forbidden, eleventh.StatusCode);
        Assert.Equal(ApiFixture.Problems + "plan-limit", (await eleventh.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal(ApiFixture.Problems + "plan-limit", (await second.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Created, afterUpgrade.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_booking_routes()
    {
        var document = await api.Client.GetAsync("/openapi/v1.json").OkAsync();
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/orgs/{org}/bookings", out _));
        Assert.True(paths.TryGetProperty("/api/orgs/{org}/properties/{property}/availability", out _));
        Assert.True(paths.TryGetProperty("/api/orgs/{org}/bookings/{booking}/move", out _));
    }
}
