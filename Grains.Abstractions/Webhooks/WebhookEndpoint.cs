using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>An address an organization's owner registered to be told of events; "*" in <paramref name="Events"/> takes every event.</summary>
[GenerateSerializer, Immutable, Alias("WebhookEndpoint")]
public sealed record WebhookEndpoint(string Id, string Url, IReadOnlyList<string> Events, string Description, DateTimeOffset CreatedAt);
