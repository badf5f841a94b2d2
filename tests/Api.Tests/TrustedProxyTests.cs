using System.Net;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>Behind a proxy the operator trusts, limits and the audit log see each client's own address.</summary>
public sealed class TrustedProxyTests(BehindProxyApi api) : IClassFixture<BehindProxyApi>
{
    [Fact]
    public async Task Each_forwarded_client_has_its_own_rate_limit()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var path = $"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(2)}";

        var first = await SearchesAsync(path, "203.0.113.1", 4);
        var second = await SearchesAsync(path, "203.0.113.2", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task The_audit_log_records_the_address_the_proxy_forwarded()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/orgs/{org}/properties/hotel/rooms/d1/name")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "Garden double" }),
        };
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        using var renamed = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var page = await api.Client.GetAsync($"/api/orgs/{org}/audit?after=0").OkAsync();
        var entry = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry")).Last();
        Assert.Equal("PUT", entry.GetProperty("method").GetString());
        Assert.Equal("198.51.100.7", entry.GetProperty("remoteAddress").GetString());
    }

    private async Task<List<HttpStatusCode>> SearchesAsync(string path, string clientAddress, int count)
    {
        using var guest = api.App.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-For", clientAddress);
            using var response = await guest.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
