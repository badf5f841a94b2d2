using Actors.Persistence.EventLog;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Persistence.Streams;

/// <summary>
/// What happens when the pulling agent gives up delivering an event to a subscriber it could not reach
/// (it retried with backoff for StreamPullingAgentOptions.MaxEventDeliveryTime): the stream moves on
/// and the failure is logged. Nothing is lost for a consumer grain: it reads any hole in its sequence
/// from the log before the next event (EventLogConsumer), and dead-letters what it cannot apply itself.
/// </summary>
internal sealed class EventLogDeliveryFailures(ILogger logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        logger.LogError("Gave up delivering event {Sequence} of {Stream} to subscription {Subscription}", sequenceToken?.SequenceNumber, EventStream.From(streamIdentity), subscriptionId.Guid);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        logger.LogWarning("Subscription {Subscription} to {Stream} failed to start", subscriptionId.Guid, EventStream.From(streamIdentity));
        return Task.CompletedTask;
    }
}
