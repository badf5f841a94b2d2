using System.Security.Cryptography;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Webhooks;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Webhooks;

[GrainType("webhooks")]
internal sealed class WebhooksGrain(
    [PersistentState("webhooks")] IPersistentState<WebhooksState> webhooks,
    IGrainFactory grains,
    TimeProvider time) : Grain, IWebhooksGrain
{
    private const int MaxEndpoints = 20;

    private Dictionary<string, RegisteredEndpoint> Endpoints => webhooks.State.Endpoints;

    public async Task<CreatedWebhookEndpoint> Create(NewWebhookEndpoint command)
    {
        if (Endpoints.Count >= MaxEndpoints)
        {
            throw new ConflictException($"An organization has at most {MaxEndpoints} webhook endpoints; delete one first.");
        }

        var id = "we_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var endpoint = new RegisteredEndpoint
        {
            Url = command.Url,
            Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'),
            Events = [.. command.Events.Distinct()],
            Description = command.Description,
            CreatedAt = time.GetUtcNow(),
        };
        Endpoints[id] = endpoint;
        await webhooks.WriteStateAsync();
        return new CreatedWebhookEndpoint(View(id, endpoint), endpoint.Secret);
    }

    public Task<IReadOnlyList<WebhookEndpoint>> List() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>([.. Endpoints.OrderBy(e => e.Value.CreatedAt).Select(e => View(e.Key, e.Value))]);

    public async Task<bool> Delete(string endpointId)
    {
        if (!Endpoints.Remove(endpointId))
        {
            return false;
        }

        await webhooks.WriteStateAsync();
        await grains.GetGrain<IWebhookEndpointGrain>($"{this.GetPrimaryKeyString()}/{endpointId}").Clear();
        return true;
    }

    public Task<IReadOnlyList<WebhookTarget>> TargetsFor(string eventType) =>
        Task.FromResult<IReadOnlyList<WebhookTarget>>([.. Endpoints
            .Where(e => e.Value.Events.Contains(WebhookEvents.All) || e.Value.Events.Contains(eventType))
            .Select(e => new WebhookTarget(e.Key, e.Value.Url, e.Value.Secret))]);

    public Task<bool> Has(string endpointId) => Task.FromResult(Endpoints.ContainsKey(endpointId));

    private static WebhookEndpoint View(string id, RegisteredEndpoint endpoint) =>
        new(id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.CreatedAt);
}
