using Actors.Api.Audit;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;
using Actors.Grains.Abstractions.Properties;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Actors.Api.Funnel;

/// <summary>
/// Visits to the booking page, counted only with the guest's consent: the page starts one and reports
/// its steps; the hotel reads one (managers) or forgets them all (owners).
/// </summary>
public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this RouteGroupBuilder orgs)
    {
        var visits = orgs.MapGroup("/{org}/properties/{property}/visits").WithTags("Funnel");
        visits.MapPost("/", StartAsync)
            .WithMetadata(RateLimitGroup.Public, NotAudited.Instance)
            .WithSummary("Starts a visit the guest agreed to count, with the steps the page reached so far; answers its id and the variant of the running A/B test it sees.");
        visits.MapPost("/{visit}/steps", ReportStepAsync)
            .WithMetadata(RateLimitGroup.Public, NotAudited.Instance)
            .WithSummary("Reports the steps the page reached since it last reported (viewed, searched, saw-prices, chose-room), in order; 202 always, each counted only the first time and in order.");
        visits.MapGet("/{visit}", GetAsync)
            .WithSummary("What is kept of a visit: its details until the retention period ends, its variant and steps (managers).");
        visits.MapDelete("/", ForgetAllAsync)
            .WithSummary("Forgets every visit's details now; the funnel's counts stay (owners).");
        return orgs;
    }

    private static async Task<Created<StartedVisit>> StartAsync(string org, string property, StartVisitRequest request, HttpContext http, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        await EnsurePropertyAsync(grains, org, property);
        var (details, steps) = request.Read(http);
        var id = VisitIds.New();
        var started = await Visit(grains, org, property, id).Start(details, steps);
        return TypedResults.Created($"/api/orgs/{org}/properties/{property}/visits/{id}", started);
    }

    private static async Task<Accepted> ReportStepAsync(string org, string property, string visit, ReportStepRequest request, IGrainFactory grains)
    {
        CheckIds(org, property, visit);
        // Another organization's property is unknown here, whatever the body says.
        await EnsurePropertyAsync(grains, org, property);
        var steps = request.ToSteps();
        // One way: the page is answered at once, and an unknown visit or a step out of order is ignored there.
        await Visit(grains, org, property, visit).Reach(steps);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<VisitView>> GetAsync(string org, string property, string visit, IGrainFactory grains)
    {
        CheckIds(org, property, visit);
        await EnsurePropertyAsync(grains, org, property);
        return TypedResults.Ok(await Visit(grains, org, property, visit).Get());
    }

    private static async Task<Ok<ForgottenVisits>> ForgetAllAsync(string org, string property, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        await EnsurePropertyAsync(grains, org, property);
        var forgotten = await grains.GetGrain<IVisitFunnelGrain>(GrainKeys.Property(org, property)).ForgetVisitDetails();
        return TypedResults.Ok(new ForgottenVisits(forgotten));
    }

    private static void CheckIds(string org, string property, string visit)
    {
        PathIds.Check(org, property);
        if (!VisitIds.IsValid(visit))
        {
            throw new NotFoundException("No such visit.");
        }
    }

    // Unknown properties answer 404 like every other property endpoint (and another organization's property is unknown here).
    private static Task EnsurePropertyAsync(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).Get();

    private static IVisitGrain Visit(IGrainFactory grains, string org, string property, string visit) =>
        grains.GetGrain<IVisitGrain>(GrainKeys.Visit(org, property, visit));
}
