using System.Net;
using System.Net.WebSockets;
using System.Text;
using Actors.Api.Boards;
using Actors.Persistence.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Actors.Api.Tests.Boards;

/// <summary>A board never costs unbounded memory: a board that stops reading is cut off (it follows again from its last sequence), and a full node refuses clearly.</summary>
public sealed class BoardLimitTests(SmallBoardsApi api) : IClassFixture<SmallBoardsApi>
{
    [Fact]
    public async Task A_board_that_stops_reading_is_disconnected_instead_of_buffered_and_a_board_that_keeps_up_gets_everything()
    {
        var org = await api.OpenHotelAsync(doubles: 1);
        var connections = api.App.Services.GetRequiredService<BoardConnections>();

        // A board that follows, then never reads again: a raw WebSocket speaking SignalR's JSON protocol.
        using var stalled = new ClientWebSocket();
        var hub = new UriBuilder(new Uri(api.App.Address, BoardEndpoints.HubPath)) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(api.OwnerToken) }.Uri;
        await stalled.ConnectAsync(hub, CancellationToken.None);
        await SendAsync(stalled, """{"protocol":"json","version":1}""");
        await SendAsync(stalled, $$"""{"type":1,"invocationId":"1","target":"Follow","arguments":["{{org}}","hotel",0]}""");
        await using var keepingUp = await BoardClient.ConnectAsync(api.App, api.OwnerToken);
        await Eventually.Until(() => Task.FromResult(connections.Open), open => open == 2);

        // Far more than the transport and a buffer of five can hold: 3,000 events of 8 KB, appended behind the grains' back.
        var firstFiller = await api.Database.ScalarAsync<long>("""
            WITH s AS (UPDATE event_streams SET last_sequence = last_sequence + 3000
                       WHERE stream_namespace = 'property' AND stream_key = $1 RETURNING last_sequence)
            INSERT INTO event_log (stream_namespace, stream_key, sequence, event_type, payload, grain_type, grain_key)
            SELECT 'property', $1, s.last_sequence - 3000 + n, 'Filler', jsonb_build_object('text', repeat('x', 8000)), 'test', 'test'
            FROM s, generate_series(1, 3000) AS n
            RETURNING sequence
            """, $"{org}/hotel");
        var received = await keepingUp.FollowUntilAsync(org, 0, r => r.Count > 0 && r[^1].Sequence >= firstFiller + 2999, TimeSpan.FromMinutes(2));

        Assert.Equal(Enumerable.Range(1, received.Count).Select(n => (long)n), received.Select(e => e.Sequence));
        await Eventually.Until(() => Task.FromResult(connections.Open), open => open == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Connected, keepingUp.State);
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

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
