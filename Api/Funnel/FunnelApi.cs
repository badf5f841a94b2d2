using System.Globalization;
using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;
using Actors.Grains.Abstractions.Properties;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Actors.Api.Funnel;

/// <summary>A property's booking funnel for managers: steps, sources and A/B tests over days, as JSON or CSV.</summary>
public static class FunnelApi
{
    private const int MaxDays = 366;

    public static RouteGroupBuilder MapFunnelApi(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{org}/properties/{property}/funnel", ReadAsync)
            .WithTags("Funnel")
            .WithSummary("The booking funnel of the visits that started on the days [from, to] (yyyy-MM-dd, both included, at most 366 days): steps with drop-off, sources and A/B test variants with a two-proportion z-test.");
        orgs.MapGet("/{org}/properties/{property}/funnel.csv", ReadCsvAsync)
            .WithTags("Funnel")
            .WithSummary("The funnel's counts as a CSV download: one row per day, source, medium, campaign and variant.")
            .WithDescription(FunnelCsv.Description)
            .Produces(StatusCodes.Status200OK, typeof(string), FunnelCsv.MediaType);
        return orgs;
    }

    private static async Task<Ok<FunnelReport>> ReadAsync(string org, string property, string? from, string? to, IGrainFactory grains) =>
        TypedResults.Ok(await ReportAsync(org, property, from, to, grains));

    private static async Task<FileContentHttpResult> ReadCsvAsync(string org, string property, string? from, string? to, IGrainFactory grains)
    {
        var report = await ReportAsync(org, property, from, to, grains);
        var name = string.Create(CultureInfo.InvariantCulture, $"{property}-funnel-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.csv");
        return TypedResults.File(FunnelCsv.Write(report), FunnelCsv.ContentType, name);
    }

    private static async Task<FunnelReport> ReportAsync(string org, string property, string? from, string? to, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        errors.Required(from, "from");
        errors.Required(to, "to");
        var first = errors.Date(from, "from");
        var last = errors.Date(to, "to");
        if (first is { } f && last is { } l && !errors.Has("from") && !errors.Has("to"))
        {
            if (l < f)
            {
                errors.Add("to", "Must be 'from' or later.");
            }
            else if (l.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                errors.Add("to", $"Ask for at most {MaxDays} days at a time.");
            }
        }

        errors.ThrowIfAny();
        await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).Get();
        return await grains.GetGrain<IVisitFunnelGrain>(GrainKeys.Property(org, property)).Report(first!.Value, last!.Value);
    }
}
