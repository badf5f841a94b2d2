using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>A delivery that failed every try: kept for the owner to see and replay.</summary>
[GenerateSerializer, Immutable, Alias("FailedWebhookDelivery")]
public sealed record FailedWebhookDelivery(string Id, string Type, int Attempts, string LastError, DateTimeOffset FailedAt);
