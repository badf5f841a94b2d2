using System.Collections.Concurrent;
using Actors.Api.Boards;
using Microsoft.AspNetCore.SignalR.Client;

namespace Actors.Api.Tests;

/// <summary>A board on the real SignalR hub, through the .NET client, as a manager's screen follows it.</summary>
public sealed class BoardClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentQueue<BoardEvent> incoming = new();
    private readonly SemaphoreSlim arrived = new(0);

    private BoardClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<BoardEvent>("BoardEvent", change =>
        {
            incoming.Enqueue(change);
            arrived.Release();
        });
        connection.On<BoardTonight>("BoardFigures", Figures.Enqueue);
    }

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
    /// says so, keeping every event as it arrived, duplicates included, so a test can see them.
    /// </summary>
    public async Task<List<BoardEvent>> FollowUntilAsync(string org, long afterSequence, Func<List<BoardEvent>, bool> enough, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        incoming.Clear();
        await connection.InvokeAsync<long>("Follow", org, "hotel", afterSequence, deadline.Token);
        var received = new List<BoardEvent>();
        while (true)
        {
            while (incoming.TryDequeue(out var change))
            {
                received.Add(change);
            }

            if (enough(received))
            {
                return received;
            }

            await arrived.WaitAsync(deadline.Token);
        }
    }

    /// <summary>Follows the hotel's board from <paramref name="afterSequence"/> and returns the sequence the hub caught it up to.</summary>
    public Task<long> FollowAsync(string org, long afterSequence) => connection.InvokeAsync<long>("Follow", org, "hotel", afterSequence);

    public HubConnectionState State => connection.State;

    /// <summary>Tonight's figures as the hub pushed them, in order.</summary>
    public ConcurrentQueue<BoardTonight> Figures { get; } = new();

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
