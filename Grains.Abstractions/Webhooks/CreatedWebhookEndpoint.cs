using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>A new endpoint and the secret its deliveries are signed with: shown this once.</summary>
[GenerateSerializer, Immutable, Alias("CreatedWebhookEndpoint")]
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret);
