using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Actors.Cluster.Tests;

/// <summary>A board client (the real SignalR client) following one property and keeping what it received.</summary>
internal sealed class BoardWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;

    private BoardWatcher(HubConnection connection, string organization, string property)
    {
        this.connection = connection;
        reading = Task.Run(() => ReadAsync(organization, property));
    }

    public ConcurrentQueue<BoardMessage> Received { get; } = new();

    /// <summary>Follows as the member whose token is given; SignalR sends it as access_token on the WebSocket.</summary>
    public static async Task<BoardWatcher> StartAsync(Uri node, string organization, string property, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/board"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return new BoardWatcher(connection, organization, property);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading.ContinueWith(static _ => { }, TaskScheduler.Default);
        await connection.DisposeAsync();
        stop.Dispose();
    }

    // Follows once: the API node this board is on stays up for the whole test, so nothing may need a resume.
    private async Task ReadAsync(string organization, string property)
    {
        connection.On<BoardMessage>("BoardEvent", Received.Enqueue);
        await connection.InvokeAsync<long>("Follow", organization, property, 0L, stop.Token);
    }
}

/// <summary>A board event as the wire carries it.</summary>
internal sealed record BoardMessage(long Sequence, string Type, JsonElement Data);
