using Orleans;

namespace Actors.Grains.Abstractions.Organizations;

/// <summary>How many properties and (active, not retired) rooms a plan allows; null means no limit.</summary>
[GenerateSerializer, Immutable, Alias("PlanLimits")]
public sealed record PlanLimits(int? MaxProperties, int? MaxRooms)
{
    public static PlanLimits For(Plan plan) => plan switch
    {
        Plan.Free => new(1, 10),
        Plan.Standard => new(5, null),
        Plan.Premium => new(null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "Unknown plan."),
    };
}
