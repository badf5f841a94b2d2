using Actors.Api.Boards;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Actors.Api.Tests;

/// <summary>A board on the real SignalR hub, through the .NET client, as a manager's screen follows it.</summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly HubConnection connection;

    private BoardClient(HubConnection connection) => this.connection = connection;

    /// <summary>Connects as the account whose <paramref name="token"/> is given; the client sends it as access_token.</summary>
    public static async Task<BoardClient> ConnectAsync(BookingApp app, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Address, BoardEndpoints.HubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return new BoardClient(connection);
    }

    /// <summary>
    /// Follows the hotel's board from <paramref name="afterSequence"/> until <paramref name="enough"/>
    /// says so, keeping every event as it arrived, duplicates included, so a test can see them. When the
    /// server ends the stream (a follower too far behind), it follows again from the last sequence seen.
    /// </summary>
    public async Task<List<BoardEvent>> FollowUntilAsync(string org, long afterSequence, Func<List<BoardEvent>, bool> enough, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        var received = new List<BoardEvent>();
        var last = afterSequence;
        while (!enough(received))
        {
            try
            {
                await foreach (var change in connection.StreamAsync<BoardEvent>("Follow", org, "hotel", last, deadline.Token))
                {
                    received.Add(change);
                    last = Math.Max(last, change.Sequence);
                    if (enough(received))
                    {
                        break;
                    }
                }
            }
            catch (HubException) when (!deadline.IsCancellationRequested)
            {
                // Told to resume: the loop follows again from the last sequence seen.
            }
        }

        return received;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
