using Orleans.Streams;

namespace Actors.Persistence.Streams;

/// <summary>One consumer's place in one stream's lane of the queue cache.</summary>
internal sealed class EventLogCacheCursor(EventLogQueueCache.Lane lane, long position) : IQueueCacheCursor
{
    private EventLogBatch? current;

    /// <summary>Every event up to this sequence has been delivered through this cursor; the current one is still in flight.</summary>
    public long DeliveredThrough => current is null ? position : position - 1;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        return current;
    }

    public bool MoveNext()
    {
        current = lane.Events.Find(e => e.Sequence > position);
        if (current is null)
        {
            return false;
        }

        position = current.Sequence;
        return true;
    }

    // MoveNext always looks at the lane as it is now, so new events need no refresh.
    public void Refresh(StreamSequenceToken token)
    {
    }

    // The failure handler records what could not be delivered; the cursor moves on.
    public void RecordDeliveryFailure()
    {
    }

    public void Dispose() => lane.Cursors.Remove(this);
}
