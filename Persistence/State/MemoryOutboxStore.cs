using Actors.Persistence.EventLog;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Persistence.State;

/// <summary>
/// The embedded default: the same ETag and event-log rules as PostgreSQL, held in this process only.
/// Nothing survives a restart.
/// </summary>
public sealed class MemoryOutboxStore(EventLogSignal signal) : IOutboxStore, IEventLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<(GrainId, string), StoredState> states = [];
    private readonly Dictionary<EventStream, List<RecordedEvent>> streams = [];
    private readonly MemoryTables tables = new();
    private long version;

    public bool IsDurable => false;

    public Task<StoredState?> ReadAsync(GrainId grain, string stateName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(states.GetValueOrDefault((grain, stateName)));
        }
    }

    /// <summary>Reads the in-memory tables that enlisted writes keep, under the store's lock.</summary>
    public TResult Query<TResult>(Func<MemoryTables, TResult> query)
    {
        lock (gate)
        {
            return query(tables);
        }
    }

    public Task<string> WriteAsync(StateWrite write, CancellationToken cancellationToken)
    {
        var etag = Append(write);
        foreach (var stream in write.Events.Select(e => e.Stream).Distinct())
        {
            signal.Raise(stream);
        }

        return Task.FromResult(etag);
    }

    private string Append(StateWrite write)
    {
        lock (gate)
        {
            var key = (write.Grain, write.StateName);
            var current = states.GetValueOrDefault(key)?.Etag;
            if (current != write.ExpectedEtag)
            {
                throw new InconsistentStateException(
                    $"State '{write.StateName}' of {write.Grain} was written by another activation.", write.ExpectedEtag, current);
            }

            // Enlisted writes go first: one that refuses (a stay over a taken night) leaves everything as it was.
            foreach (var enlisted in write.Enlisted)
            {
                enlisted.Apply(tables);
            }

            var etag = (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            states[key] = new StoredState(write.Payload, etag);
            var now = DateTimeOffset.UtcNow;
            foreach (var pending in write.Events)
            {
                if (!streams.TryGetValue(pending.Stream, out var log))
                {
                    streams[pending.Stream] = log = [];
                }

                log.Add(new RecordedEvent(pending.Stream, log.Count + 1, pending.EventType, pending.Payload, now));
            }

            return etag;
        }
    }

    public Task ClearAsync(GrainId grain, string stateName, string? etag, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var current = states.GetValueOrDefault((grain, stateName))?.Etag;
            if (current != etag)
            {
                throw new InconsistentStateException($"State '{stateName}' of {grain} was written by another activation.", etag, current);
            }

            states.Remove((grain, stateName));
            return Task.CompletedTask;
        }
    }

    public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<RecordedEvent>> ReadAsync(EventStream stream, long afterSequence, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<RecordedEvent> found = streams.TryGetValue(stream, out var log)
                ? [.. log.Skip((int)Math.Min(afterSequence, log.Count)).Take(max)]
                : [];
            return Task.FromResult(found);
        }
    }

    public Task<long> ReadLastSequenceAsync(EventStream stream, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)(streams.GetValueOrDefault(stream)?.Count ?? 0));
        }
    }

    public Task<IReadOnlyDictionary<EventStream, long>> ReadLastSequencesAsync(IReadOnlyCollection<EventStream> streams, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyDictionary<EventStream, long> last = streams.Distinct().ToDictionary(s => s, s => (long)(this.streams.GetValueOrDefault(s)?.Count ?? 0));
            return Task.FromResult(last);
        }
    }

    public Task<IReadOnlyDictionary<EventStream, long>> ReadPartitionAsync(int partition, int partitions, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyDictionary<EventStream, long> last = streams
                .Where(s => s.Key.Partition(partitions) == partition)
                .ToDictionary(s => s.Key, s => (long)s.Value.Count);
            return Task.FromResult(last);
        }
    }
}
