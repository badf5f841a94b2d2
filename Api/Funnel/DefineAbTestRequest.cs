using System.Text.Json.Serialization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>An A/B test of the booking page: a name (1 to 100 characters) and 2 to 10 variants.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DefineAbTestRequest(string? Name, IReadOnlyList<AbVariantRequest?>? Variants)
{
    public NewAbTest ToCommand()
    {
        var test = new NewAbTest(Name ?? "", Variants?.Select(v => v?.ToVariant()!).ToList() ?? []);
        var errors = new FieldErrors();
        test.Check(errors);
        errors.ThrowIfAny();
        return test;
    }
}
