using System.Net;
using Xunit;

namespace Actors.Api.Tests;

public sealed class ContentionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Sixty_four_clients_booking_one_room_for_overlapping_nights_get_exactly_one_booking()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var clients = Enumerable.Range(0, 64).Select(_ => api.App.NewClient()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = clients.Select(async (client, i) =>
        {
            await start.Task;
            // Every range shares night 3 with every other: [1..3] to [3..6].
            using var response = await client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1 + (i % 3), 4 + (i % 3), $"Guest {i}"));
            return (response.StatusCode, Body: await response.ReadAsync());
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);
        clients.ForEach(c => c.Dispose());

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal(ApiFixture.Problems + "room-unavailable", r.Body.ProblemType());
        });
        Assert.Equal(1, await api.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key = $1", $"{org}/hotel/d1"));
    }

    [Fact]
    public async Task Random_overlapping_bookings_over_twenty_rooms_never_share_a_night_in_one_room()
    {
        var org = await api.OpenHotelAsync(doubles: 20, suites: 0);
        var random = new Random(20240611);
        var requests = Enumerable.Range(0, 200).Select(i =>
        {
            var from = random.Next(0, 20);
            return ApiFixture.Stay($"d{random.Next(1, 21)}", from, from + random.Next(1, 6), $"Guest {i}");
        }).ToList();
        var clients = Enumerable.Range(0, 16).Select(_ => api.App.NewClient()).ToList();

        var results = await Task.WhenAll(requests.Select(async (request, i) =>
        {
            using var response = await clients[i % clients.Count].PostAsync($"/api/orgs/{org}/bookings", request);
            return (response.StatusCode, Body: await response.ReadAsync());
        }));
        clients.ForEach(c => c.Dispose());

        Assert.All(results, r => Assert.True(
            r.StatusCode == HttpStatusCode.Created || (r.StatusCode == HttpStatusCode.Conflict && r.Body.ProblemType() == ApiFixture.Problems + "room-unavailable"),
            $"{r.StatusCode}: {r.Body}"));
        var booked = results.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.True(booked > 20, $"only {booked} of 200 got a room");
        Assert.Equal(booked, await api.Database.ScalarAsync<long>("SELECT count(*) FROM stays WHERE room_key LIKE $1", org + "/%"));
        Assert.Equal(0, await api.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM stays a JOIN stays b
              ON a.room_key = b.room_key AND a.booking_id < b.booking_id AND a.nights && b.nights
            WHERE a.room_key LIKE $1
            """,
            org + "/%"));
    }
}
