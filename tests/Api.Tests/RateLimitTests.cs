using System.Net;
using Xunit;

namespace Actors.Api.Tests;

public sealed class RateLimitTests(TightRateLimitsApi api) : IClassFixture<TightRateLimitsApi>
{
    [Fact]
    public async Task Sign_ins_over_the_limit_get_429_with_retry_after_and_members_are_not_limited()
    {
        // The fixture may have spent one of this window's sign-in-group requests on signing up its owner.
        using var client = api.App.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync("/api/sign-in", new { email = $"nobody{i}@example.com", password = "wrong password" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(ApiFixture.Problems + "rate-limited", (await response.ReadAsync()).ProblemType());
                Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            }
        }

        var firstRefusal = statuses.IndexOf(HttpStatusCode.TooManyRequests);
        Assert.InRange(firstRefusal, 2, 3);
        Assert.All(statuses[..firstRefusal], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses[firstRefusal..], s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        for (var i = 0; i < 10; i++)
        {
            await api.Client.GetAsync("/api/me").OkAsync();
        }
    }

    [Fact]
    public async Task Guest_requests_over_the_limit_get_429_with_retry_after()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var guest = api.App.NewClient();
        var path = $"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(2)}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await guest.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        using var hold = await guest.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 2));

        // Earlier tests in the class may have spent some of this window's public requests already.
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, hold.StatusCode);
        Assert.NotNull(hold.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_signed_in_member_does_not_share_the_budget_of_guests_at_the_same_address()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var guest = api.App.NewClient();
        var path = $"/api/orgs/{org}/properties/hotel/availability?checkIn={ApiFixture.Day(1)}&checkOut={ApiFixture.Day(2)}";
        var last = HttpStatusCode.OK;
        for (var i = 0; i < 20 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await guest.GetAsync(path);
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);

        await api.Client.GetAsync(path).OkAsync();
        using var hold = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 2));

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_cors_answers_only_the_configured_origin()
    {
        using var client = api.App.NewClient();
        using var missing = await client.GetAsync("/api/orgs/nobody/nothing");
        using var allowed = await Preflight(client, TightRateLimitsApi.AllowedOrigin);
        using var other = await Preflight(client, "https://evil.example.com");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("nosniff", missing.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", missing.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", missing.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'self'", missing.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(missing.Headers.Contains("Strict-Transport-Security"), "HSTS is for HTTPS only");
        Assert.Equal(TightRateLimitsApi.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/orgs/demo/bookings");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return client.SendAsync(request);
    }
}
