using System.Net;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

public sealed class HoldExpiryTests(ShortHoldApi api) : IClassFixture<ShortHoldApi>
{
    [Fact]
    public async Task A_hold_not_confirmed_in_time_expires_and_the_room_can_be_booked_again()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 3)).OkAsync();
        var id = held.GetProperty("id").GetString()!;

        await ExpiredInDatabase(org, id);

        using var confirm = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Equal(ApiFixture.Problems + "invalid-transition", (await confirm.ReadAsync()).ProblemType());
        using var again = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 3, "Bea"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task A_hold_expires_even_when_the_app_restarted_in_between()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 5, 7)).OkAsync();
        var id = held.GetProperty("id").GetString()!;

        await api.RestartAsync();
        await ExpiredInDatabase(org, id);

        var booking = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{id}").OkAsync();
        Assert.Equal("Expired", ApiFixture.Status(booking));
        using var again = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 5, 7, "Bea"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    // Storage, not the API: a read through the booking would expire a due hold itself, and this is about the reminder.
    // The room's hold watch ticks once a minute from the hold's end: a tick missed while the app was down comes a
    // minute later, so the wait is longer than Eventually's usual 30 s.
    private Task<string> ExpiredInDatabase(string org, string id) =>
        Eventually.Until(
            () => api.Database.ScalarAsync<string>(
                """
                SELECT (SELECT payload->>'status' FROM grain_state WHERE grain_type = 'booking' AND grain_key = $1)
                    || ' ' || (SELECT count(*) FROM stays WHERE booking_id = $2)
                """,
                $"{org}/{id}", id),
            seen => seen == "Expired 0",
            TimeSpan.FromMinutes(2));
}
