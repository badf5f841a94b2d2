using Xunit;

namespace Actors.Api.Tests;

public sealed class RestartTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task After_a_restart_every_booking_room_status_and_property_setting_is_back()
    {
        var org = await api.OpenHotelAsync(plan: "Standard", doubles: 3, suites: 1);
        var hotel = $"/api/orgs/{org}/properties/hotel";
        await api.Client.PutAsync($"{hotel}/settings", new
        {
            name = "Hotel Renamed",
            timeZone = "Europe/Lisbon",
            currency = "USD",
            checkInTime = "14:30",
            checkOutTime = "10:00",
            minimumStay = 1,
            cancellation = new { freeUntilDaysBeforeArrival = 5, lateFee = "FullStay" },
        }).OkAsync();
        await api.Client.PutAsync($"{hotel}/room-types/family", new { name = "Family", nightlyRate = 310.25m }).OkAsync();
        await api.Client.PutAsync($"{hotel}/room-types/double/rates", new { from = ApiFixture.Day(10), to = ApiFixture.Day(12), nightlyRate = 140m }).OkAsync();
        await api.Client.PutAsync($"{hotel}/rooms/d2/housekeeping", new { status = "OutOfOrder" }).OkAsync();
        await api.Client.PutAsync($"{hotel}/rooms/d3/name", new { name = "Garden room" }).OkAsync();
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 10, 13)).OkAsync();
        var confirmed = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("s1", 3, 4)).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{confirmed.GetProperty("id")}/confirm", null).OkAsync();
        var cancelled = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d3", 2, 3)).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{cancelled.GetProperty("id")}/cancel", null).OkAsync();
        string[] reads =
        [
            $"/api/orgs/{org}",
            hotel,
            $"{hotel}/rooms",
            $"/api/orgs/{org}/bookings/{held.GetProperty("id")}",
            $"/api/orgs/{org}/bookings/{confirmed.GetProperty("id")}",
            $"/api/orgs/{org}/bookings/{cancelled.GetProperty("id")}",
            $"{hotel}/availability?checkIn={ApiFixture.Day(10)}&checkOut={ApiFixture.Day(12)}",
        ];
        var before = await ReadAll(reads);

        await api.RestartAsync();

        var after = await ReadAll(reads);
        Assert.Equal(before, after);
        Assert.Contains("\"timeZone\":\"Europe/Lisbon\"", after[1], StringComparison.Ordinal);
        Assert.Contains("\"housekeeping\":\"OutOfOrder\"", after[2], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Confirmed\"", after[4], StringComparison.Ordinal);
    }

    private async Task<string[]> ReadAll(string[] paths)
    {
        var bodies = new List<string>();
        foreach (var path in paths)
        {
            bodies.Add((await api.Client.GetAsync(path).OkAsync()).GetRawText());
        }

        return [.. bodies];
    }
}
