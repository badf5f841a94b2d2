using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Api.Payments;

/// <summary>Subscribes the organization to a paid plan (Standard or Premium).</summary>
public sealed record SubscribeRequest(Plan? Plan)
{
    public Plan ToPlan()
    {
        var errors = new FieldErrors();
        if (errors.Required(Plan, "plan") && (Plan == Grains.Abstractions.Organizations.Plan.Free || !Enum.IsDefined(Plan!.Value)))
        {
            errors.Add("plan", "Choose a paid plan (Standard or Premium); cancel the subscription to go back to Free.");
        }

        errors.ThrowIfAny();
        return Plan!.Value;
    }
}
