using System.Net;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>With no proxy trusted, X-Forwarded-For is the client's own claim and changes nothing. Its own app, so its own window.</summary>
public sealed class SpoofedAddressTests(TightRateLimitsApi api) : IClassFixture<TightRateLimitsApi>
{
    [Fact]
    public async Task A_client_cannot_escape_the_limit_by_claiming_other_addresses_when_no_proxy_is_trusted()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var guest = api.App.NewClient();
        var path = $"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(2)}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await guest.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
