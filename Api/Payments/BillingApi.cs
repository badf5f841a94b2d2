using Actors.Api.Problems;
using Actors.Grains.Abstractions.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments;

/// <summary>What an owner sees of the organization's billing: the subscription's status, Stripe's invoices, and the way into Stripe's customer portal.</summary>
public static class BillingApi
{
    public static RouteGroupBuilder MapBillingApi(this RouteGroupBuilder orgs)
    {
        var billing = orgs.MapGroup("/{org}/billing").WithTags("Subscriptions");
        billing.MapGet("/", GetAsync).WithSummary("Returns the subscription's status (trial end, past-due grace) and invoices that could not be collected.");
        billing.MapGet("/invoices", InvoicesAsync)
            .WithSummary("Lists the organization's invoices as Stripe has them, newest first.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        billing.MapPost("/portal", PortalAsync)
            .WithSummary("Opens a session of Stripe's customer portal (cards, invoices, cancellation) and returns its URL.")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return orgs;
    }

    private static async Task<Ok<BillingView>> GetAsync(string org, Subscriptions subscriptions)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await subscriptions.GetAsync(org));
    }

    private static async Task<Ok<IReadOnlyList<InvoiceSummary>>> InvoicesAsync(string org, Subscriptions subscriptions, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await subscriptions.InvoicesAsync(org, cancellationToken));
    }

    private static async Task<Ok<PortalSession>> PortalAsync(string org, HttpRequest request, Subscriptions subscriptions, IOptions<StripeOptions> options, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        var returnUrl = options.Value.PortalReturnUrl ?? new Uri($"{request.Scheme}://{request.Host}/");
        return TypedResults.Ok(await subscriptions.PortalAsync(org, returnUrl, cancellationToken));
    }
}
