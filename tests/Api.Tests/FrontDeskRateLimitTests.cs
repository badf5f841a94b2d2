using System.Net;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>The shipped limits turn a flood away without ever turning away a busy front desk.</summary>
public sealed class FrontDeskRateLimitTests(ShippedRateLimitsApi api) : IClassFixture<ShippedRateLimitsApi>
{
    [Fact]
    public async Task A_front_desk_holding_200_stays_at_once_is_never_told_to_slow_down()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);

        var holds = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(i % 2 == 0 ? "d1" : "d2", 1 + (i / 2), 2 + (i / 2), $"Guest {i}"));
            return response.StatusCode;
        }));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, holds);
        Assert.All(holds, status => Assert.Equal(HttpStatusCode.Created, status));
    }
}
