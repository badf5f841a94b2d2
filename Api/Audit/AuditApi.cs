using Actors.Api.Problems;
using Actors.Grains.Abstractions.Audit;
using Actors.Grains.Abstractions.Failures;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Audit;

/// <summary>The organization's audit log, for its owners (see AccessRules).</summary>
public static class AuditApi
{
    private const int DefaultLimit = 100;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{org}/audit", ReadAsync)
            .WithTags("Audit")
            .WithSummary("Changes made in the organization after the sequence 'after' (0 for the first), oldest first: who, what, when, from where.");
        return orgs;
    }

    private static async Task<Ok<AuditPage>> ReadAsync(string org, long? after, int? limit, IGrainFactory grains)
    {
        PathIds.Check(org);
        var errors = new FieldErrors();
        if (after < 0)
        {
            errors.Add("after", "Use 0 or the last sequence you read.");
        }

        if (limit is < 1 or > AuditGrainLimits.MaxRead)
        {
            errors.Add("limit", $"Use 1 to {AuditGrainLimits.MaxRead}.");
        }

        errors.ThrowIfAny();
        var entries = await grains.GetGrain<IAuditGrain>(org).Read(after ?? 0, limit ?? DefaultLimit);
        return TypedResults.Ok(new AuditPage(entries, entries.Count > 0 ? entries[^1].Sequence : after ?? 0));
    }
}
