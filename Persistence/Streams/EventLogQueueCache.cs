using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Persistence.Streams;

/// <summary>
/// The events one queue has read and not yet delivered to every consumer, kept per stream: order
/// (and tokens) only mean something within a stream, so each stream is its own lane. An event leaves
/// the cache, and its position is checkpointed, once every cursor on its stream has moved past it.
/// Only the pulling agent calls this, one call at a time.
/// </summary>
internal sealed class EventLogQueueCache(int capacity) : IQueueCache
{
    private readonly Dictionary<StreamId, Lane> lanes = [];
    private int count;

    // Read in chunks; IsUnderPressure stops reading when the cache is full (returning 0 here would stop purging too).
    public int GetMaxAddCount() => Math.Max(1, capacity / 8);

    // A consumer that falls behind holds its stream's events here; at capacity the queue stops reading
    // the log until deliveries free room, so memory stays bounded and nothing is dropped.
    public bool IsUnderPressure() => count >= capacity;

    public void AddToCache(IList<IBatchContainer> messages)
    {
        foreach (var batch in messages.Cast<EventLogBatch>())
        {
            LaneOf(batch.StreamId).Events.Add(batch);
            count++;
        }
    }

    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        List<IBatchContainer>? purged = null;
        foreach (var (streamId, lane) in lanes.ToArray())
        {
            var deliveredThrough = lane.Cursors.Count == 0 ? long.MaxValue : lane.Cursors.Min(c => c.DeliveredThrough);
            var done = lane.Events.TakeWhile(e => e.Sequence <= deliveredThrough).Count();
            if (done > 0)
            {
                purged ??= [];
                purged.AddRange(lane.Events.Take(done));
                lane.Purged = lane.Events[done - 1].Sequence;
                lane.Events.RemoveRange(0, done);
                count -= done;
            }

            if (lane.Events.Count == 0 && lane.Cursors.Count == 0)
            {
                lanes.Remove(streamId);
            }
        }

        purgedItems = purged ?? [];
        return purged is not null;
    }

    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        var lane = LaneOf(streamId);

        // A token names the first event to deliver; without one a subscriber gets what comes after now.
        var cursor = new EventLogCacheCursor(lane, token is null ? lane.Newest : token.SequenceNumber - 1);
        lane.Cursors.Add(cursor);
        return cursor;
    }

    private Lane LaneOf(StreamId streamId)
    {
        if (!lanes.TryGetValue(streamId, out var lane))
        {
            lanes[streamId] = lane = new Lane();
        }

        return lane;
    }

    internal sealed class Lane
    {
        public List<EventLogBatch> Events { get; } = [];

        public HashSet<EventLogCacheCursor> Cursors { get; } = [];

        public long Purged { get; set; }

        public long Newest => Events.Count > 0 ? Events[^1].Sequence : Purged;
    }
}
