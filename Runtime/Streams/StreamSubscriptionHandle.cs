namespace Actors.Runtime.Streams;

/// <summary>One subscription to a stream; unsubscribing stops delivery.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    public abstract StreamId StreamId { get; }

    public abstract Task UnsubscribeAsync();
}
