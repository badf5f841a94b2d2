using System.Net;
using Actors.Api.Boards;
using Actors.Persistence.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Actors.Api.Tests.Boards;

/// <summary>A board never costs unbounded memory: slow followers are cut off with a resume point, and a full node refuses clearly.</summary>
public sealed class BoardLimitTests(SmallBoardsApi api) : IClassFixture<SmallBoardsApi>
{
    [Fact]
    public async Task A_follower_that_falls_behind_its_buffer_is_told_where_to_resume_after_everything_before_it()
    {
        var org = await api.OpenHotelAsync(doubles: 2);
        var feed = api.App.Services.GetRequiredService<BoardFeed>();
        await using var follower = feed.FollowAsync(BoardStreams.For(org, "hotel"), 0, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await follower.MoveNextAsync());
        var received = new List<long> { follower.Current.Sequence };

        // Twenty changes while the follower reads nothing: far more than its buffer of five.
        for (var night = 0; night < 20; night++)
        {
            await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 10 + night, 11 + night)).OkAsync();
        }

        var cutOff = await Assert.ThrowsAsync<SlowFollowerException>(async () =>
        {
            while (await follower.MoveNextAsync())
            {
                received.Add(follower.Current.Sequence);
            }
        });

        // Everything up to the resume point arrived once, in order: following again from it loses nothing.
        Assert.Equal(Enumerable.Range(1, received.Count).Select(i => (long)i), received);
        Assert.Equal(received[^1], cutOff.LastDelivered);
    }

    [Fact]
    public async Task A_node_at_its_connection_limit_refuses_new_boards_with_a_problem_and_accepts_again_when_one_leaves()
    {
        // Boards without a sign-in are turned away before they connect, so they take no place.
        await using (var anonymous = Board(token: null))
        {
            var unsigned = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        await using var first = Board(api.OwnerToken);
        await using var second = Board(api.OwnerToken);
        await first.StartAsync();
        await second.StartAsync();

        using var refused = await api.Client.PostAsync(new Uri($"{BoardEndpoints.HubPath}/negotiate?negotiateVersion=1", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("connection-limit", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var third = Board(api.OwnerToken);
        await Assert.ThrowsAsync<HttpRequestException>(() => third.StartAsync());

        await first.StopAsync();
        var accepted = await Eventually.Until(
            async () =>
            {
                await using var retry = Board(api.OwnerToken);
                try
                {
                    await retry.StartAsync();
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ok => ok);
        Assert.True(accepted);
    }

    private HubConnection Board(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(api.App.Address, BoardEndpoints.HubPath), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
}
