using Actors.Persistence.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Persistence.Streams;

/// <summary>
/// An Orleans persistent stream provider whose queue is the event log itself: nothing is copied to a
/// broker, so PostgreSQL stays the only thing to run. Events are appended by grain state writes (the
/// transactional outbox), never through the stream, so the adapter only reads.
/// </summary>
public sealed class EventLogAdapterFactory(
    string name,
    IEventLog log,
    IStreamPositions positions,
    EventLogSignal signal,
    IOptions<EventLogOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IQueueAdapterFactory, IQueueAdapter, IQueueAdapterCache
{
    private readonly HashRingBasedStreamQueueMapper mapper =
        new(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.Value.Queues }, name);

    public static EventLogAdapterFactory Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<EventLogAdapterFactory>(services, name);

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadOnly;

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => this;

    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new EventLogDeliveryFailures(loggers.CreateLogger<EventLogDeliveryFailures>()));

    public IQueueCache CreateQueueCache(QueueId queueId) => new EventLogQueueCache(options.Value.CacheSize);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new EventLogReceiver(
        name,
        (int)queueId.GetNumericId(),
        options.Value.Queues,
        log,
        positions,
        signal,
        options.Value,
        time,
        loggers.CreateLogger<EventLogReceiver>());

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext) =>
        throw new NotSupportedException("Domain events enter the log with the state that raised them (IOutboxState.RaiseEvent), not through the stream.");
}
