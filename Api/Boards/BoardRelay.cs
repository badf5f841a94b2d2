using System.Collections.Immutable;
using Actors.Persistence.EventLog;
using Orleans.Streams;

namespace Actors.Api.Boards;

/// <summary>
/// This node's subscriptions to property streams: one Orleans stream subscription per property that
/// any board on this node follows, however many boards follow it. Each event is serialized once and
/// handed to every follower; a follower must not block (it buffers or gives up).
/// </summary>
public sealed class BoardRelay(IClusterClient cluster, ILogger<BoardRelay> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<EventStream, Relayed> relayed = [];

    /// <summary>Hands <paramref name="onNext"/> every event of <paramref name="stream"/> committed from now on; dispose to stop.</summary>
    public async Task<IAsyncDisposable> FollowAsync(EventStream stream, Action<SerializedBoardEvent> onNext)
    {
        Relayed entry;
        lock (gate)
        {
            if (!relayed.TryGetValue(stream, out entry!))
            {
                relayed[stream] = entry = new Relayed();
                entry.Subscription = SubscribeAsync(stream, entry);
            }

            entry.Followers = entry.Followers.Add(onNext);
        }

        try
        {
            await entry.Subscription;
        }
        catch
        {
            await UnfollowAsync(stream, entry, onNext);
            throw;
        }

        return new Following(this, stream, entry, onNext);
    }

    private async Task<StreamSubscriptionHandle<RecordedEvent>> SubscribeAsync(EventStream stream, Relayed entry)
    {
        var events = cluster.GetStreamProvider(EventLogOptions.StreamProvider).GetStream<RecordedEvent>(stream.ToStreamId());
        return await events.SubscribeAsync((recorded, _) =>
        {
            // Delivery is at least once: a repeat (after a queue changed silos) is dropped here, once for all boards.
            if (recorded.Sequence > entry.Last)
            {
                entry.Last = recorded.Sequence;
                var serialized = SerializedBoardEvent.From(recorded);
                foreach (var follower in entry.Followers)
                {
                    follower(serialized);
                }
            }

            return Task.CompletedTask;
        });
    }

    private async Task UnfollowAsync(EventStream stream, Relayed entry, Action<SerializedBoardEvent> onNext)
    {
        bool last;
        lock (gate)
        {
            entry.Followers = entry.Followers.Remove(onNext);
            last = entry.Followers.IsEmpty && relayed.Remove(stream);
        }

        if (last)
        {
            try
            {
                await (await entry.Subscription).UnsubscribeAsync();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not unsubscribe this node from {Stream}; the stream provider drops the subscription when it cannot deliver", stream);
            }
        }
    }

    private sealed class Relayed
    {
        public ImmutableArray<Action<SerializedBoardEvent>> Followers = [];

        public Task<StreamSubscriptionHandle<RecordedEvent>> Subscription = null!;

        public long Last;
    }

    private sealed class Following(BoardRelay relay, EventStream stream, Relayed entry, Action<SerializedBoardEvent> onNext) : IAsyncDisposable
    {
        private int disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                await relay.UnfollowAsync(stream, entry, onNext);
            }
        }
    }
}
