using System.Security.Claims;
using Actors.Api.Audit;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Actors.Grains.Abstractions.Organizations;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Organizations;

/// <summary>Organizations (tenants): open one, read it, change its plan.</summary>
public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder orgs)
    {
        orgs.MapPost("/", CreateAsync).WithSummary("Opens an organization.");
        orgs.MapGet("/{org}", GetAsync).WithSummary("Returns an organization with its plan, limits and properties.");
        orgs.MapPut("/{org}/plan", ChangePlanAsync).WithSummary("Moves an organization to another plan.");
        return orgs;
    }

    // The signed-in account that opens an organization becomes its owner (AccessRules: signed in only).
    private static async Task<Created<OrganizationView>> CreateAsync(CreateOrganizationRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext context)
    {
        var command = request.ToCommand() with { Owner = Claims.EmailOf(user) };
        AuditScope.Set(context, request.Id!);
        var view = await grains.GetGrain<IOrganizationGrain>(request.Id!).Create(command);
        return TypedResults.Created($"/api/orgs/{view.Id}", view);
    }

    private static async Task<Ok<OrganizationView>> GetAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await grains.GetGrain<IOrganizationGrain>(org).Get());
    }

    private static async Task<Ok<OrganizationView>> ChangePlanAsync(string org, ChangePlanRequest request, IGrainFactory grains)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await grains.GetGrain<IOrganizationGrain>(org).ChangePlan(request.ToPlan()));
    }
}
