using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

[GenerateSerializer, Immutable, Alias("NewWebhookEndpoint")]
public sealed record NewWebhookEndpoint(string Url, IReadOnlyList<string> Events, string Description);
