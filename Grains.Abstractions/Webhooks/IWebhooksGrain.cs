using Orleans;

namespace Actors.Grains.Abstractions.Webhooks;

/// <summary>An organization's webhook endpoints (keyed by the organization id).</summary>
[Alias("IWebhooksGrain")]
public interface IWebhooksGrain : IGrainWithStringKey
{
    /// <summary>Registers an endpoint and returns it with its signing secret.</summary>
    Task<CreatedWebhookEndpoint> Create(NewWebhookEndpoint command);

    Task<IReadOnlyList<WebhookEndpoint>> List();

    /// <summary>Removes an endpoint and drops what waits for it; false when there was none.</summary>
    Task<bool> Delete(string endpointId);

    /// <summary>The endpoints that take events of <paramref name="eventType"/>.</summary>
    Task<IReadOnlyList<WebhookTarget>> TargetsFor(string eventType);

    /// <summary>Whether the organization has this endpoint.</summary>
    Task<bool> Has(string endpointId);
}
