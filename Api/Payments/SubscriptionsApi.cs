using Actors.Api.Problems;
using Actors.Grains.Abstractions.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Payments;

/// <summary>An organization's subscription to a paid plan.</summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder orgs)
    {
        var subscription = orgs.MapGroup("/{org}/subscription").WithTags("Subscriptions");
        subscription.MapPost("/", SubscribeAsync)
            .WithSummary("Subscribes to a paid plan; the plan applies once Stripe reports the first invoice paid. Repeating it returns the same subscription.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        subscription.MapGet("/", GetAsync).WithSummary("Returns the organization's subscription and invoices that could not be collected.");
        subscription.MapDelete("/", CancelAsync)
            .WithSummary("Cancels the subscription; the organization is on the free plan at once.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return orgs;
    }

    private static async Task<Ok<SubscriptionStart>> SubscribeAsync(string org, SubscribeRequest request, Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await subscriptions.SubscribeAsync(org, request.ToPlan(), cancellationToken));
    }

    private static async Task<Ok<BillingView>> GetAsync(string org, Subscriptions subscriptions)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await subscriptions.GetAsync(org));
    }

    private static async Task<Ok<BillingView>> CancelAsync(string org, Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await subscriptions.CancelAsync(org, cancellationToken));
    }
}
