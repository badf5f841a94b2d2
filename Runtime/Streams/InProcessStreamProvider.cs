using System.Collections.Concurrent;
using System.Collections.Immutable;
using Actors.Runtime.Activation;

namespace Actors.Runtime.Streams;

/// <summary>Streams inside one silo. The durable event log feeds them; they hold nothing themselves.</summary>
internal sealed class InProcessStreamProvider : IStreamProvider
{
    private readonly ConcurrentDictionary<(StreamId, Type), object> streams = new();

    public IAsyncStream<T> GetStream<T>(StreamId id) =>
        (IAsyncStream<T>)streams.GetOrAdd((id, typeof(T)), static key => new InProcessStream<T>(key.Item1));

    private sealed class InProcessStream<T>(StreamId id) : IAsyncStream<T>
    {
        private ImmutableArray<Subscription> subscribers = [];

        public StreamId StreamId => id;

        public async Task OnNextAsync(T item, StreamSequenceToken? token = null)
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DeliverAsync(item, token);
            }
        }

        public Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken?, Task> onNextAsync)
        {
            var subscription = new Subscription(this, onNextAsync, ActivationData.Current);
            ImmutableInterlocked.Update(ref subscribers, static (list, s) => list.Add(s), subscription);
            return Task.FromResult<StreamSubscriptionHandle<T>>(subscription);
        }

        private void Remove(Subscription subscription) =>
            ImmutableInterlocked.Update(ref subscribers, static (list, s) => list.Remove(s), subscription);

        private sealed class Subscription(InProcessStream<T> stream, Func<T, StreamSequenceToken?, Task> onNextAsync, ActivationData? owner)
            : StreamSubscriptionHandle<T>
        {
            public override StreamId StreamId => stream.StreamId;

            public async Task DeliverAsync(T item, StreamSequenceToken? token)
            {
                // Outside grains, or published by the owning grain's own turn (queueing would wait on itself).
                if (owner is null || owner == ActivationData.Current)
                {
                    await onNextAsync(item, token);
                    return;
                }

                // A grain's handler runs as one of its turns, never beside another turn.
                var turn = new WorkItem(async _ => { await onNextAsync(item, token); return null; }, interleave: false);
                if (!owner.TryEnqueue(turn))
                {
                    stream.Remove(this);
                    return;
                }

                await turn.Completion;
            }

            public override Task UnsubscribeAsync()
            {
                stream.Remove(this);
                return Task.CompletedTask;
            }
        }
    }
}
