using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Api.Organizations;

/// <summary>Moves the organization to another plan (billing comes later).</summary>
public sealed record ChangePlanRequest(Plan? Plan)
{
    public Plan ToPlan()
    {
        var errors = new FieldErrors();
        errors.Required(Plan, "plan");
        errors.ThrowIfAny();
        return Plan!.Value;
    }
}
