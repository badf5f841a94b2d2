namespace Actors.Runtime.Streams;

/// <summary>A stream of items of one type: publish with OnNextAsync, receive by subscribing.</summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    /// <summary>Delivers the item to every subscriber, one after another, in subscription order.</summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null);

    /// <summary>
    /// Subscribes a handler. Subscribed from inside a grain, the handler runs as a turn of that grain;
    /// the subscription ends with the activation.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(Func<T, StreamSequenceToken?, Task> onNextAsync);
}
