using Actors.Api.Problems;
using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;
using Actors.Grains.Abstractions.Properties;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;

namespace Actors.Api.Funnel;

/// <summary>A property's A/B tests of the booking page, for managers: define, list, start, stop. One runs at a time.</summary>
public static class AbTestsApi
{
    public static RouteGroupBuilder MapAbTestsApi(this RouteGroupBuilder orgs)
    {
        var tests = orgs.MapGroup("/{org}/properties/{property}/ab-tests").WithTags("Funnel");
        tests.MapPost("/", DefineAsync).WithSummary("Defines an A/B test (a draft until started): name and 2 to 10 variants with weights and what each changes.");
        tests.MapGet("/", ListAsync).WithSummary("The property's A/B tests, oldest first.");
        tests.MapGet("/{test}", (string org, string property, string test, IGrainFactory grains) => Act(grains, org, property, test, t => t.Get(test)))
            .WithSummary("One A/B test.");
        tests.MapPost("/{test}/start", (string org, string property, string test, IGrainFactory grains) => Act(grains, org, property, test, t => t.Start(test)))
            .WithSummary("Starts a draft test: new visits get a variant by weight; refused for a stopped test or while another runs.");
        tests.MapPost("/{test}/stop", (string org, string property, string test, IGrainFactory grains) => Act(grains, org, property, test, t => t.Stop(test)))
            .WithSummary("Stops a running test for good; its figures stay in the funnel.");
        return orgs;
    }

    private static async Task<Created<AbTestView>> DefineAsync(string org, string property, DefineAbTestRequest request, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        var known = (await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).Get()).RoomTypes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var command = request.ToCommand();
        var errors = new FieldErrors();
        for (var i = 0; i < command.Variants.Count; i++)
        {
            foreach (var roomType in command.Variants[i].RoomTypeOrder.Where(t => !known.Contains(t)))
            {
                errors.Add($"variants[{i}].roomTypeOrder", $"No room type '{roomType}' at this property.");
            }
        }

        errors.ThrowIfAny();
        var test = await Tests(grains, org, property).Define(command);
        return TypedResults.Created($"/api/orgs/{org}/properties/{property}/ab-tests/{test.Id}", test);
    }

    private static async Task<Ok<IReadOnlyList<AbTestView>>> ListAsync(string org, string property, IGrainFactory grains)
    {
        PathIds.Check(org, property);
        await EnsurePropertyAsync(grains, org, property);
        return TypedResults.Ok(await Tests(grains, org, property).List());
    }

    private static async Task<Ok<AbTestView>> Act(IGrainFactory grains, string org, string property, string test, Func<IAbTestsGrain, Task<AbTestView>> action)
    {
        PathIds.Check(org, property, test);
        await EnsurePropertyAsync(grains, org, property);
        return TypedResults.Ok(await action(Tests(grains, org, property)));
    }

    private static Task EnsurePropertyAsync(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, property)).Get();

    private static IAbTestsGrain Tests(IGrainFactory grains, string org, string property) =>
        grains.GetGrain<IAbTestsGrain>(GrainKeys.Property(org, property));
}
