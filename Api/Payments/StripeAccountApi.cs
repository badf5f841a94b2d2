using Actors.Api.Problems;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Payments;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Payments;

/// <summary>An organization bringing its own Stripe account for guest payments; subscriptions stay on the platform's.</summary>
public static class StripeAccountApi
{
    public static RouteGroupBuilder MapStripeAccountApi(this RouteGroupBuilder orgs)
    {
        var account = orgs.MapGroup("/{org}/stripe-account").WithTags("Payments");
        account.MapPut("/", ConnectAsync).WithSummary("Takes the organization's guest payments into its own Stripe account from now on.");
        account.MapGet("/", GetAsync).WithSummary("Says which Stripe account takes the organization's guest payments.");
        account.MapDelete("/", DisconnectAsync).WithSummary("Goes back to the platform's Stripe account for new guest payments.");
        return orgs;
    }

    private static async Task<Ok<StripeAccountView>> ConnectAsync(string org, StripeAccountRequest request, IGrainFactory grains)
    {
        PathIds.Check(org);
        var keys = request.ToKeys();
        await grains.GetGrain<IOrganizationGrain>(org).Get();
        await grains.GetGrain<IStripeAccountGrain>(org).Connect(keys);
        return TypedResults.Ok(View(org, keys));
    }

    private static async Task<Ok<StripeAccountView>> GetAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        await grains.GetGrain<IOrganizationGrain>(org).Get();
        return TypedResults.Ok(View(org, await grains.GetGrain<IStripeAccountGrain>(org).Find()));
    }

    private static async Task<Ok<StripeAccountView>> DisconnectAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        await grains.GetGrain<IOrganizationGrain>(org).Get();
        await grains.GetGrain<IStripeAccountGrain>(org).Disconnect();
        return TypedResults.Ok(View(org, null));
    }

    private static StripeAccountView View(string org, StripeAccountKeys? keys) =>
        new(keys is not null, keys?.SecretKey[^Math.Min(4, keys.SecretKey.Length)..], $"/api/webhooks/stripe/{org}");
}
