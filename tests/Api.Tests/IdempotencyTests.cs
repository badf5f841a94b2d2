using System.Net;
using Xunit;

namespace Actors.Api.Tests;

public sealed class IdempotencyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Retries_with_the_same_idempotency_key_get_the_first_booking_even_in_parallel_and_after_a_restart()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var request = ApiFixture.Stay("d1", 2, 4);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = api.App.NewClient();
            using var response = await client.PostAsync($"/api/orgs/{org}/bookings", request, "checkout-42");
            return (response.StatusCode, Body: (await response.ReadAsync()).GetRawText());
        }));
        await api.RestartAsync();
        using var afterRestart = await api.Client.PostAsync($"/api/orgs/{org}/bookings", request, "checkout-42");

        Assert.All(parallel, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(parallel.Select(r => r.Body).Distinct());
        Assert.Equal(HttpStatusCode.Created, afterRestart.StatusCode);
        Assert.Equal(parallel[0].Body, (await afterRestart.ReadAsync()).GetRawText());
        Assert.Equal(1, await api.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", $"{org}/hotel/d1"));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_request_is_refused_and_changes_nothing()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 2, 4), "order-7").OkAsync();
        var before = await api.Database.FingerprintAsync();

        using var response = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 2, 4), "order-7");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "idempotency-conflict", (await response.ReadAsync()).ProblemType());
        Assert.Equal(before, await api.Database.FingerprintAsync());
    }

    [Fact]
    public async Task The_same_idempotency_key_in_two_organizations_makes_two_bookings()
    {
        var first = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var second = await api.OpenHotelAsync(doubles: 1, suites: 0);

        var a = await api.Client.PostAsync($"/api/orgs/{first}/bookings", ApiFixture.Stay("d1", 2, 4), "shared").OkAsync();
        var b = await api.Client.PostAsync($"/api/orgs/{second}/bookings", ApiFixture.Stay("d1", 2, 4), "shared").OkAsync();

        Assert.NotEqual(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
    }
}
