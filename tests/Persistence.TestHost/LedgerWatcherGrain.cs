using Actors.Persistence.EventLog;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Actors.Persistence.TestHost;

/// <summary>Every delivery the "events" stream provider made to this grain, in arrival order, repeats included.</summary>
public interface ILedgerWatcherGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<long>> Received();
}

/// <summary>A bare implicit subscriber to the ledger streams: it records what the stream provider delivers, nothing more.</summary>
[ImplicitStreamSubscription("ledger")]
public sealed class LedgerWatcherGrain : Grain, ILedgerWatcherGrain, IStreamSubscriptionObserver, IAsyncObserver<RecordedEvent>
{
    private readonly List<long> received = [];

    public Task<IReadOnlyList<long>> Received() => Task.FromResult<IReadOnlyList<long>>([.. received]);

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => handleFactory.Create<RecordedEvent>().ResumeAsync(this);

    public Task OnNextAsync(RecordedEvent item, StreamSequenceToken? token = null)
    {
        received.Add(item.Sequence);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
