using System.Collections.Concurrent;
using Actors.Runtime.Cluster;

namespace Actors.Runtime.Transport;

/// <summary>One outgoing connection per remote silo, opened on first use and replaced when it breaks.</summary>
internal sealed class SiloConnections : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SiloConnection> connections = new();

    /// <summary>The connection to <paramref name="silo"/>; returned at once so calls keep the order they were made in.</summary>
    public SiloConnection Get(SiloAddress silo)
    {
        while (true)
        {
            var connection = connections.GetOrAdd(silo.SiloId, _ => SiloConnection.Connect(silo.Host, silo.Port));
            if (!connection.IsClosed)
            {
                return connection;
            }

            connections.TryRemove(KeyValuePair.Create(silo.SiloId, connection));
        }
    }

    /// <summary>Closes connections to silos that left the view.</summary>
    public async Task RetainOnlyAsync(IEnumerable<SiloAddress> live)
    {
        var keep = live.Select(s => s.SiloId).ToHashSet();
        foreach (var (id, connection) in connections)
        {
            if (!keep.Contains(id) && connections.TryRemove(KeyValuePair.Create(id, connection)))
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync() => await RetainOnlyAsync([]);
}
