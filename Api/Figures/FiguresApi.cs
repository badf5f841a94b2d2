using System.Globalization;
using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Figures;
using Actors.Grains.Abstractions.Properties;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Actors.Api.Figures;

/// <summary>A property's nightly figures (occupancy, ADR, RevPAR, ...), kept by a grain that consumes the property's event stream.</summary>
public static class FiguresApi
{
    private const int MaxNights = 366;

    public static RouteGroupBuilder MapFiguresApi(this RouteGroupBuilder orgs)
    {
        orgs.MapGet("/{org}/properties/{property}/figures", ReadAsync)
            .WithTags("Figures")
            .WithSummary("Rooms, out of order, rooms sold, occupancy, room revenue, ADR, RevPAR, arrivals, departures and in-house per night in [from, to) (yyyy-MM-dd, at most 366 nights).");
        orgs.MapGet("/{org}/properties/{property}/figures.csv", ReadCsvAsync)
            .WithTags("Figures")
            .WithSummary("The same figures as a CSV download (text/csv, RFC 4180): a header row, then one row per night in [from, to).")
            .WithDescription(FiguresCsv.Description)
            .Produces(StatusCodes.Status200OK, typeof(string), FiguresCsv.MediaType);
        return orgs;
    }

    private static async Task<Ok<PropertyFigures>> ReadAsync(string org, string property, string? from, string? to, IGrainFactory grains) =>
        TypedResults.Ok(await ReadFiguresAsync(org, property, from, to, grains));

    private static async Task<FileContentHttpResult> ReadCsvAsync(string org, string property, string? from, string? to, IGrainFactory grains)
    {
        var figures = await ReadFiguresAsync(org, property, from, to, grains);
        // Named by the first and the last night in it, as a manager says a range; ids are slugs, nothing to escape.
        var name = string.Create(CultureInfo.InvariantCulture, $"{property}-figures-{figures.Nights[0].Night:yyyy-MM-dd}-to-{figures.Nights[^1].Night:yyyy-MM-dd}.csv");
        return TypedResults.File(FiguresCsv.Write(figures), FiguresCsv.ContentType, name);
    }

    /// <summary>The checks and the read both endpoints share: one range rule, one 404, one answer.</summary>
    private static async Task<PropertyFigures> ReadFiguresAsync(string org, string property, string? from, string? to, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        errors.Required(from, "from");
        errors.Required(to, "to");
        var first = errors.Date(from, "from");
        var end = errors.Date(to, "to");
        if (first is { } f && end is { } t && !errors.Has("from") && !errors.Has("to"))
        {
            var nights = t.DayNumber - f.DayNumber;
            if (nights <= 0)
            {
                errors.Add("to", "Must be after 'from'.");
            }
            else if (nights > MaxNights)
            {
                errors.Add("to", $"Ask for at most {MaxNights} nights at a time.");
            }
        }

        errors.ThrowIfAny();

        // Unknown properties answer 404 like every other property endpoint, not an empty report.
        await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).Get();
        return await grains.GetGrain<IPropertyFiguresGrain>(GrainKeys.Property(org, property)).GetAsync(first!.Value, end!.Value);
    }
}
