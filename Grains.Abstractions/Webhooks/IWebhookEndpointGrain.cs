using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>
/// The deliveries of one endpoint (keyed "org/endpointId"): each message is sent until the endpoint
/// answers 2xx, retried with growing delays, and kept as a dead letter after the last try.
/// </summary>
[Alias("IWebhookEndpointGrain")]
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Queues a message (a message already queued, delivered or dead is not queued again).</summary>
    Task Enqueue(WebhookMessage message, WebhookTarget target);

    Task<IReadOnlyList<FailedWebhookDelivery>> DeadLetters();

    /// <summary>Sends a dead letter again (with fresh tries); false when there is no such dead letter.</summary>
    Task<bool> Replay(string deliveryId);

    /// <summary>Drops everything of this endpoint (it was deleted).</summary>
    Task Clear();
}
