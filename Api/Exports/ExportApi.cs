using System.Security.Claims;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Actors.Grains.Abstractions.Organizations;
using Actors.Persistence.EventLog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Orleans;

namespace Actors.Api.Exports;

/// <summary>An organization's data as one versioned JSON document, for owners: taken out, and loaded into an organization that has no properties yet.</summary>
public static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{org}/export", ExportAsync)
            .WithTags("Export")
            .WithSummary("The organization's properties, rooms, rates, bookings (every state), members and webhook endpoints, without passwords or secrets.");
        orgs.MapPost("/{org}/import", ImportAsync)
            .WithTags("Export")
            .WithSummary("Loads an export into this organization, which must have no properties yet; members are invited with their roles.")
            .WithMetadata(new RequestSizeLimitAttribute(ImportCheck.MaxBytes));
        return orgs;
    }

    private static async Task<Ok<OrganizationDocument>> ExportAsync(
        string org, HttpContext http, IGrainFactory grains, IEventLog log, TimeProvider time, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        var document = await OrganizationExport.ReadAsync(grains, log, time, org, cancellationToken);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{org}-export.json\"";
        return TypedResults.Ok(document);
    }

    private static async Task<Ok<ImportSummary>> ImportAsync(
        string org, OrganizationDocument? document, ClaimsPrincipal principal, IGrainFactory grains, TimeProvider time, IOptions<AuthOptions> options)
    {
        PathIds.Check(org);
        var organization = grains.GetGrain<IOrganizationGrain>(org);
        var target = await organization.Get();
        // Everything is checked before the first write: grains cannot undo each other's writes.
        var plan = ImportCheck.Plan(document, target, await organization.Members(), time.GetUtcNow());
        return TypedResults.Ok(await OrganizationImport.RunAsync(grains, org, plan, Claims.EmailOf(principal)!, options.Value.InvitationLifetime));
    }
}
