using Actors.Api.Problems;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Actors.Api.Webhooks;

/// <summary>
/// Outgoing webhooks, for owners: endpoints told of a property's events, signed, retried, with the
/// deliveries that failed every try kept for a replay.
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder orgs)
    {
        var webhooks = orgs.MapGroup("/{org}/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", CreateAsync)
            .WithSummary("Registers an endpoint for event types; the answer carries the signing secret, shown this once.");
        webhooks.MapGet("/", ListAsync).WithSummary("The organization's endpoints.");
        webhooks.MapDelete("/{endpoint}", DeleteAsync).WithSummary("Removes an endpoint and what waits to be sent to it.");
        webhooks.MapGet("/{endpoint}/dead-letters", DeadLettersAsync)
            .WithSummary("Deliveries that failed every try, with the last error.");
        webhooks.MapPost("/{endpoint}/dead-letters/{delivery}/replay", ReplayAsync)
            .WithSummary("Sends a failed delivery again, with fresh tries.");
        return orgs;
    }

    private static async Task<Created<CreatedWebhookEndpoint>> CreateAsync(string org, WebhookEndpointRequest request, IGrainFactory grains)
    {
        PathIds.Check(org);
        var command = request.ToCommand();
        await grains.GetGrain<IOrganizationGrain>(org).Get();
        var created = await grains.GetGrain<IWebhooksGrain>(org).Create(command);
        return TypedResults.Created($"/api/orgs/{org}/webhooks/{created.Endpoint.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpoint>>> ListAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        await grains.GetGrain<IOrganizationGrain>(org).Get();
        return TypedResults.Ok(await grains.GetGrain<IWebhooksGrain>(org).List());
    }

    private static async Task<NoContent> DeleteAsync(string org, string endpoint, IGrainFactory grains)
    {
        await Endpoint(org, endpoint, grains);
        await grains.GetGrain<IWebhooksGrain>(org).Delete(endpoint);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<FailedWebhookDelivery>>> DeadLettersAsync(string org, string endpoint, IGrainFactory grains) =>
        TypedResults.Ok(await (await Endpoint(org, endpoint, grains)).DeadLetters());

    private static async Task<Accepted> ReplayAsync(string org, string endpoint, string delivery, IGrainFactory grains)
    {
        if (delivery.Length > 300 || !await (await Endpoint(org, endpoint, grains)).Replay(delivery))
        {
            throw new NotFoundException($"Endpoint {endpoint} has no failed delivery '{(delivery.Length > 80 ? delivery[..80] + "..." : delivery)}'.");
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IWebhookEndpointGrain> Endpoint(string org, string endpoint, IGrainFactory grains)
    {
        PathIds.Check(org);
        if (endpoint.Length > 40 || !await grains.GetGrain<IWebhooksGrain>(org).Has(endpoint))
        {
            throw new NotFoundException($"No webhook endpoint '{(endpoint.Length > 40 ? endpoint[..40] + "..." : endpoint)}' in {org}.");
        }

        return grains.GetGrain<IWebhookEndpointGrain>($"{org}/{endpoint}");
    }
}
