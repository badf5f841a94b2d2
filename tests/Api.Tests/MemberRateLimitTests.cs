using System.Net;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>Signed-in members count against their own account's limit, not their address's.</summary>
public sealed class MemberRateLimitTests(MemberRateLimitsApi api) : IClassFixture<MemberRateLimitsApi>
{
    [Fact]
    public async Task A_member_over_the_limit_is_refused_while_another_member_and_guests_at_the_same_address_are_not()
    {
        var otherToken = await ApiFixture.SignUpAsync(api.App.NewClient(), "other-" + Guid.NewGuid().ToString("N")[..12], $"other-{Guid.NewGuid():N}@example.com");
        using var other = api.ClientFor(otherToken);
        using var guest = api.App.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < MemberRateLimitsApi.MemberLimit + 5; i++)
        {
            using var response = await api.Client.GetAsync("/api/me");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(ApiFixture.Problems + "rate-limited", (await response.ReadAsync()).ProblemType());
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        await other.GetAsync("/api/me").OkAsync();
        await guest.GetAsync("/api/product").OkAsync();
    }
}
