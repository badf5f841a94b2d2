using System.Collections.Concurrent;
using Actors.Persistence.EventLog;

namespace Actors.Persistence.Streams;

internal sealed class MemoryStreamPositions : IStreamPositions
{
    private readonly ConcurrentDictionary<(string Provider, EventStream Stream), long> positions = new();

    public Task<IReadOnlyDictionary<EventStream, long>> ReadAsync(string provider, int partition, int partitions, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<EventStream, long> found = positions
            .Where(p => p.Key.Provider == provider && p.Key.Stream.Partition(partitions) == partition)
            .ToDictionary(p => p.Key.Stream, p => p.Value);
        return Task.FromResult(found);
    }

    public Task SaveAsync(string provider, IReadOnlyDictionary<EventStream, long> delivered, CancellationToken cancellationToken)
    {
        foreach (var (stream, sequence) in delivered)
        {
            positions.AddOrUpdate((provider, stream), sequence, (_, old) => Math.Max(old, sequence));
        }

        return Task.CompletedTask;
    }
}
