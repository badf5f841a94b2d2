using System.Text.Json.Serialization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>A step the booking page reached: "viewed", "searched", "saw-prices" or "chose-room" (held and confirmed come from the booking).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReportStepRequest(string? Step)
{
    public FunnelStep ToStep()
    {
        if (FunnelSteps.FromName(Step) is { } step && FunnelSteps.FromThePage.Contains(step))
        {
            return step;
        }

        var errors = new FieldErrors();
        errors.Add("step", $"One of {string.Join(", ", FunnelSteps.FromThePage.Select(FunnelSteps.Name))}; held and confirmed are learnt from the booking.");
        errors.ThrowIfAny();
        return default;
    }
}
