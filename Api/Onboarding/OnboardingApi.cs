using Actors.Api.Problems;
using Actors.Persistence.EventLog;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Onboarding;

/// <summary>The onboarding checklist the board shows until an organization has every step done.</summary>
public static class OnboardingApi
{
    public static RouteGroupBuilder MapOnboardingApi(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{org}/onboarding", ReadAsync)
            .WithTags("Onboarding")
            .WithSummary("Which onboarding steps are done: property, rooms, rates, a colleague invited, a test booking, Stripe connected.");
        orgs.MapSampleBookingsApi();
        return orgs;
    }

    private static async Task<Ok<OnboardingView>> ReadAsync(string org, IGrainFactory grains, IEventLog log, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        return TypedResults.Ok(await OnboardingChecklist.ReadAsync(grains, log, org, cancellationToken));
    }
}
