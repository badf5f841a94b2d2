using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>One event as a webhook carries it: <paramref name="Id"/> is the same on every try, so a receiver can drop repeats.</summary>
[GenerateSerializer, Immutable, Alias("WebhookMessage")]
public sealed record WebhookMessage(string Id, string Type, string Body);
