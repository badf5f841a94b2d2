using System.Collections.Concurrent;
using Actors.Persistence.EventLog;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Actors.Persistence.Streams;

/// <summary>
/// Reads one queue: the property streams of one partition of the event log. A NOTIFY (or an append in
/// this process) wakes it for its stream; a poll of the partition's stream heads covers any missed
/// signal. Each stream is read after the last event handed to the cache, so per stream the events
/// arrive in sequence order; what every consumer has received is checkpointed, and a queue's next
/// owner starts from there.
/// </summary>
internal sealed class EventLogReceiver(
    string provider,
    int partition,
    int partitions,
    IEventLog log,
    IStreamPositions positions,
    EventLogSignal signal,
    EventLogOptions options,
    TimeProvider time,
    ILogger logger) : IQueueAdapterReceiver
{
    // Checkpoints are written at most this often: each is a transaction, and a late one only means
    // a new owner delivers a little again, which consumers recognise by sequence.
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(1);

    private readonly Dictionary<EventStream, long> read = [];
    private readonly Dictionary<EventStream, long> delivered = [];
    private DateTimeOffset nextCheckpoint;
    private readonly ConcurrentDictionary<EventStream, byte> woken = new();
    private DateTimeOffset nextPoll;

    public async Task Initialize(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        foreach (var (stream, delivered) in await positions.ReadAsync(provider, partition, partitions, cancellation.Token))
        {
            read[stream] = delivered;
        }

        signal.Appended += OnAppended;
        nextPoll = DateTimeOffset.MinValue;
        logger.LogDebug("Queue {Partition}/{Partitions} of {Provider} resumes {Streams} streams from their checkpoints", partition, partitions, provider, read.Count);
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (delivered.Count > 0 && time.GetUtcNow() >= nextCheckpoint)
        {
            await CheckpointAsync(cancellationToken);
        }

        var room = maxCount < 0 ? options.BatchSize : maxCount;
        var batches = new List<IBatchContainer>();
        foreach (var stream in await DueStreamsAsync(cancellationToken))
        {
            if (batches.Count >= room)
            {
                woken.TryAdd(stream, 0);
                continue;
            }

            var want = Math.Min(options.BatchSize, room - batches.Count);
            var events = await log.ReadAsync(stream, read.GetValueOrDefault(stream), want, cancellationToken);
            foreach (var recorded in events)
            {
                batches.Add(new EventLogBatch(recorded));
                read[stream] = recorded.Sequence;
            }

            if (events.Count == want)
            {
                woken.TryAdd(stream, 0);
            }
        }

        return batches;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        foreach (var batch in messages.Cast<EventLogBatch>())
        {
            delivered[batch.Event.Stream] = Math.Max(delivered.GetValueOrDefault(batch.Event.Stream), batch.Sequence);
        }

        if (time.GetUtcNow() >= nextCheckpoint)
        {
            await CheckpointAsync(cancellationToken);
        }
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        signal.Appended -= OnAppended;
        using var cancellation = new CancellationTokenSource(timeout);
        await CheckpointAsync(cancellation.Token);
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        nextCheckpoint = time.GetUtcNow() + CheckpointEvery;
        if (delivered.Count == 0)
        {
            return;
        }

        await positions.SaveAsync(provider, delivered, cancellationToken);
        delivered.Clear();
    }

    private async Task<IEnumerable<EventStream>> DueStreamsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < nextPoll)
        {
            var signalled = new List<EventStream>();
            foreach (var stream in woken.Keys)
            {
                if (woken.TryRemove(stream, out _))
                {
                    signalled.Add(stream);
                }
            }

            return signalled;
        }

        nextPoll = now + options.PollInterval;
        woken.Clear();
        var heads = await log.ReadPartitionAsync(partition, partitions, cancellationToken);
        return heads.Where(h => h.Value > read.GetValueOrDefault(h.Key)).Select(h => h.Key);
    }

    private void OnAppended(EventStream stream)
    {
        if (stream.Partition(partitions) == partition)
        {
            woken.TryAdd(stream, 0);
        }
    }
}
