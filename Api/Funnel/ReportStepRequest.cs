using System.Text.Json.Serialization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>
/// Steps the booking page reached since it last reported, in order: <c>{"steps": ["searched", "saw-prices"]}</c>,
/// or one as <c>{"step": "searched"}</c> (what pages loaded before batching send).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReportStepRequest(string? Step, IReadOnlyList<string?>? Steps)
{
    public FunnelStep[] ToSteps()
    {
        var errors = new FieldErrors();
        FunnelStep[] steps = (Step, Steps) switch
        {
            (not null, not null) => Refuse(errors, "Send either step or steps, not both."),
            (not null, null) => PageSteps.Parse([Step], "step", errors),
            (null, { Count: > 0 }) => PageSteps.Parse(Steps, "steps", errors),
            _ => Refuse(errors, "Name the step (or steps) the page reached."),
        };
        errors.ThrowIfAny();
        return steps;
    }

    private static FunnelStep[] Refuse(FieldErrors errors, string why)
    {
        errors.Add("steps", why);
        return [];
    }
}
