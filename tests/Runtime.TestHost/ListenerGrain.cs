using Actors.Runtime.Streams;

namespace Actors.Runtime.TestHost;

/// <summary>Subscribes to a stream from inside a grain and keeps what it received.</summary>
public interface IListenerGrain : IGrainWithStringKey
{
    /// <summary>Subscribes to the numbers stream with the given key.</summary>
    Task Listen(string streamKey);

    /// <summary>Stops listening.</summary>
    Task Stop();

    /// <summary>What was received, in order.</summary>
    Task<IReadOnlyList<int>> Received();
}

public sealed class ListenerGrain : Grain, IListenerGrain
{
    private readonly List<int> received = [];
    private StreamSubscriptionHandle<int>? subscription;

    public async Task Listen(string streamKey)
    {
        var stream = GetStreamProvider().GetStream<int>(new StreamId("numbers", streamKey));
        subscription = await stream.SubscribeAsync(async (number, _) =>
        {
            await Task.Yield();
            received.Add(number);
        });
    }

    public async Task Stop()
    {
        if (subscription is not null)
        {
            await subscription.UnsubscribeAsync();
        }
    }

    public Task<IReadOnlyList<int>> Received() => Task.FromResult<IReadOnlyList<int>>([.. received]);
}
