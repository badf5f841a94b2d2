using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Properties;

/// <summary>Properties of an organization: open, read, settings, room types and nightly rates.</summary>
public static class PropertiesApi
{
    public static RouteGroupBuilder MapPropertiesApi(this RouteGroupBuilder orgs)
    {
        var properties = orgs.MapGroup("/{org}/properties").WithTags("Properties");
        properties.MapPost("/", CreateAsync).WithSummary("Opens a property, within the plan's limit.");
        properties.MapGet("/", ListAsync).WithSummary("Lists the organization's properties.");
        properties.MapGet("/{property}", GetAsync).WithSummary("Returns a property with its settings, room types and rooms.");
        properties.MapPut("/{property}/settings", UpdateSettingsAsync).WithSummary("Replaces a property's settings.");
        properties.MapPut("/{property}/room-types/{roomType}", SaveRoomTypeAsync).WithSummary("Adds or changes a room type.");
        properties.MapPut("/{property}/room-types/{roomType}/rates", SetRatesAsync).WithSummary("Sets or clears the nightly rate of a room type for a range of nights.");
        return orgs;
    }

    private static async Task<Created<PropertyView>> CreateAsync(string org, CreatePropertyRequest request, IGrainFactory grains)
    {
        PathIds.Check(org);
        var command = request.ToCommand();
        var view = await grains.GetGrain<IOrganizationGrain>(org).AddProperty(request.Id!, command);
        return TypedResults.Created($"/api/orgs/{org}/properties/{view.Id}", view);
    }

    private static async Task<Ok<PropertyView[]>> ListAsync(string org, IGrainFactory grains)
    {
        PathIds.Check(org);
        var organization = await grains.GetGrain<IOrganizationGrain>(org).Get();
        return TypedResults.Ok(await Task.WhenAll(organization.Properties.Select(p => Property(grains, org, p).Get())));
    }

    private static async Task<Ok<PropertyView>> GetAsync(string org, string property, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        return TypedResults.Ok(await Property(grains, org, property).Get());
    }

    private static async Task<Ok<PropertyView>> UpdateSettingsAsync(string org, string property, PropertySettingsRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        var settings = request.ToSettings(errors, "");
        errors.ThrowIfAny();
        return TypedResults.Ok(await Property(grains, org, property).UpdateSettings(settings!));
    }

    private static async Task<Ok<PropertyView>> SaveRoomTypeAsync(string org, string property, string roomType, SaveRoomTypeRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property, roomType);
        return TypedResults.Ok(await Property(grains, org, property).SaveRoomType(request.ToRoomType(roomType)));
    }

    private static async Task<Ok<PropertyView>> SetRatesAsync(string org, string property, string roomType, SetRatesRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property, roomType);
        return TypedResults.Ok(await Property(grains, org, property).SetNightlyRates(request.ToCommand(roomType)));
    }

    private static IPropertyGrain Property(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property));
}
