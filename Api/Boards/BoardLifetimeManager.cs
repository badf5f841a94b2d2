using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Boards;

/// <summary>
/// SignalR's own lifetime manager, which also keeps each board connection at hand, so the relay can
/// write one already-serialized message to every follower and see which of them falls behind.
/// </summary>
public sealed class BoardLifetimeManager(ILogger<DefaultHubLifetimeManager<BoardHub>> logger) : DefaultHubLifetimeManager<BoardHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> connections = new();

    public HubConnectionContext? Find(string connectionId) => connections.GetValueOrDefault(connectionId);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }
}
