using System.Text;
using System.Text.Json;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Webhooks;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Persistence.Streams;
using Actors.Persistence.Streams.Consumers;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Streams;

namespace Actors.Grains.Webhooks;

/// <summary>Nothing to keep besides the consumer's progress.</summary>
public sealed class WebhookDispatchState;

/// <summary>
/// Hands each event of a property's stream to the organization's endpoints that take it, once: the
/// endpoint grains queue and send it. An event handed over again after a restart is recognised there by its id.
/// </summary>
[GrainType("webhook-dispatch")]
[ImplicitStreamSubscription(BoardStream.Namespace)]
public sealed class WebhookDispatchGrain(
    [OutboxState("webhookDispatch")] IOutboxState<Consumed<WebhookDispatchState>> dispatch,
    IEventLog log,
    IDeadLetters deadLetters,
    ILogger<WebhookDispatchGrain> logger)
    : EventLogConsumer<WebhookDispatchState>(dispatch, log, deadLetters, logger)
{
    protected override async Task ApplyAsync(RecordedEvent recorded)
    {
        var parts = GrainKeys.Split(recorded.Stream.Key);
        var org = parts[0];
        var targets = await GrainFactory.GetGrain<IWebhooksGrain>(org).TargetsFor(recorded.EventType);
        if (targets.Count == 0)
        {
            return;
        }

        // "{org}.{property}.{sequence}": ids are slugs, so the dots are unambiguous, and it fits in a URL path as it is.
        var id = $"{org}.{parts[^1]}.{recorded.Sequence}";
        var message = new WebhookMessage(id, recorded.EventType, Body(id, recorded, org, parts[^1]));
        foreach (var target in targets)
        {
            await GrainFactory.GetGrain<IWebhookEndpointGrain>($"{org}/{target.EndpointId}").Enqueue(message, target);
        }
    }

    private static string Body(string id, RecordedEvent recorded, string org, string property)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", recorded.EventType);
            writer.WriteString("organization", org);
            writer.WriteString("property", property);
            writer.WriteNumber("sequence", recorded.Sequence);
            writer.WriteString("occurredAt", recorded.RecordedAt);
            writer.WritePropertyName("data");
            writer.WriteRawValue(recorded.Payload, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
