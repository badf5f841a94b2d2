using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>Where one delivery goes and the secret that signs it.</summary>
[GenerateSerializer, Immutable, Alias("WebhookTarget")]
public sealed record WebhookTarget(string EndpointId, string Url, string Secret);
