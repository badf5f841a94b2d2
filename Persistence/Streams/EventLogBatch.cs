using Actors.Persistence.EventLog;
using Orleans;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Persistence.Streams;

/// <summary>One committed event as the stream provider hands it to consumers; its token is the event's sequence in its stream.</summary>
[GenerateSerializer, Immutable, Alias("EventLogBatch")]
public sealed class EventLogBatch(RecordedEvent recorded) : IBatchContainer
{
    [Id(0)]
    public RecordedEvent Event { get; } = recorded;

    public long Sequence => Event.Sequence;

    public StreamId StreamId => Event.Stream.ToStreamId();

    public StreamSequenceToken SequenceToken => new EventSequenceTokenV2(Event.Sequence);

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Event is T item ? [Tuple.Create(item, SequenceToken)] : [];

    public bool ImportRequestContext() => false;
}
