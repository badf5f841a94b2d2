using System.Globalization;
using Actors.Api.Bookings;
using Actors.Api.Funnel;
using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Availability;

/// <summary>What a guest asks before booking: which room types are free for some nights, and at what price.</summary>
public static class AvailabilityApi
{
    public static RouteGroupBuilder MapAvailabilityApi(this RouteGroupBuilder orgs)
    {
        var property = orgs.MapGroup("/{org}/properties/{property}").WithTags("Availability");
        property.MapGet("/availability", SearchAsync)
            .WithSummary("Room types sleeping `guests` (1 when left out), with their free rooms for the nights [checkIn, checkOut) (yyyy-MM-dd) and the price. A `Visit-Id` header names the counted visit the search belongs to.");
        property.MapGet("/quote", QuoteAsync)
            .WithSummary("The price per night and in total of a stay in a room type for `guests` (1 when left out); refused above the type's maximum occupancy.");
        return orgs;
    }

    // Dates come in as strings and are parsed here, so a bad one is a 400 naming the field, not a binding failure.
    private static async Task<Ok<AvailabilityView>> SearchAsync(string org, string property, string? checkIn, string? checkOut, int? guests, HttpContext http, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        errors.Guests(guests ?? 1);
        var (from, to) = Dates(checkIn, checkOut, errors);
        var found = await Property(grains, org, property).SearchAvailability(from, to, guests ?? 1);
        await CountedSearch.CountAsync(http, grains, org, property, found);
        return TypedResults.Ok(found);
    }

    private static async Task<Ok<Quote>> QuoteAsync(string org, string property, string? roomType, string? checkIn, string? checkOut, int? guests, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        errors.Slug(roomType, "roomType");
        errors.Guests(guests ?? 1);
        var (from, to) = Dates(checkIn, checkOut, errors);
        return TypedResults.Ok(await Property(grains, org, property).Quote(roomType!, from, to, guests ?? 1));
    }

    private static (DateOnly CheckIn, DateOnly CheckOut) Dates(string? checkIn, string? checkOut, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        var from = errors.Date(checkIn, "checkIn");
        var to = errors.Date(checkOut, "checkOut");
        if (!errors.Has("checkIn") && !errors.Has("checkOut"))
        {
            StayDates.Check(from, to, errors);
        }

        errors.ThrowIfAny();
        return (from!.Value, to!.Value);
    }


    private static IPropertyGrain Property(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property));
}
