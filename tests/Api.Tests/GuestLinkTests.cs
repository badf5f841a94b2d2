using System.Net;
using Xunit;

namespace Actors.Api.Tests;

public sealed class GuestLinkTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_hold_answer_carries_a_private_link_that_shows_confirms_and_cancels_the_booking_and_no_other_read_reveals_it()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 10, 12), "guest-link-1").OkAsync();
        var id = held.GetProperty("id").GetString()!;
        var token = held.GetProperty("guestToken").GetString()!;
        var retry = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 10, 12), "guest-link-1").OkAsync();

        var shown = await api.Client.GetAsync($"/api/guest/bookings/{token}").OkAsync();
        var confirmed = await api.Client.PostAsync($"/api/guest/bookings/{token}/confirm", null).OkAsync();
        var cancelled = await api.Client.PostAsync($"/api/guest/bookings/{token}/cancel", null).OkAsync();
        var managerView = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{id}").OkAsync();

        Assert.StartsWith($"{org}.{id}.", token, StringComparison.Ordinal);
        Assert.Equal(43, token.Split('.')[2].Length); // 32 random bytes, base64url
        Assert.Equal(token, retry.GetProperty("guestToken").GetString());
        Assert.Equal(id, shown.GetProperty("id").GetString());
        Assert.Equal("Confirmed", ApiFixture.Status(confirmed));
        Assert.Equal("Cancelled", ApiFixture.Status(cancelled));
        Assert.Equal(0m, cancelled.GetProperty("cancellationFee").GetDecimal());
        foreach (var view in new[] { shown, confirmed, cancelled, managerView })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("guestToken").ValueKind);
        }
    }

    [Fact]
    public async Task A_wrong_or_malformed_link_is_not_found_exactly_like_a_missing_booking_and_changes_nothing()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        var mine = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 10, 12)).OkAsync();
        var other = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 10, 12)).OkAsync();
        var token = mine.GetProperty("guestToken").GetString()!;
        var parts = token.Split('.');
        var otherSecret = other.GetProperty("guestToken").GetString()!.Split('.')[2];
        var flipped = (parts[2][0] == 'A' ? 'B' : 'A') + parts[2][1..];
        var before = await api.Database.FingerprintAsync();

        string[] wrong =
        [
            $"{parts[0]}.{parts[1]}.{flipped}",
            $"{parts[0]}.{parts[1]}.{otherSecret}",
            $"{parts[0]}.nobooking.{parts[2]}",
            $"{parts[0]}.{parts[1]}",
            $"{parts[0]}.{parts[1]}.short",
            "not-a-link",
        ];
        foreach (var link in wrong)
        {
            foreach (var request in new[] { ("GET", ""), ("POST", "/confirm"), ("POST", "/cancel") })
            {
                using var response = await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(request.Item1), $"/api/guest/bookings/{link}{request.Item2}"));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal(ApiFixture.Problems + "not-found", (await response.ReadAsync()).ProblemType());
            }
        }

        Assert.Equal(before, await api.Database.FingerprintAsync());
        Assert.Equal("Held", ApiFixture.Status(await api.Client.GetAsync($"/api/guest/bookings/{token}").OkAsync()));
    }
}
