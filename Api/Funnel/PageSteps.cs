using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Funnel;

namespace Actors.Api.Funnel;

/// <summary>
/// The steps a booking page reports by name: "viewed", "searched", "saw-prices" and "chose-room".
/// Held and confirmed are learnt from the booking, so a page cannot claim them.
/// </summary>
public static class PageSteps
{
    /// <summary>A page reaches each of its steps once, so a batch longer than that is not a page's.</summary>
    public static int MaxBatch => FunnelSteps.FromThePage.Count;

    public static FunnelStep[] Parse(IReadOnlyList<string?>? names, string field, FieldErrors errors)
    {
        if (names is null)
        {
            return [];
        }

        if (names.Count > MaxBatch)
        {
            errors.Add(field, $"At most {MaxBatch} steps at once.");
            return [];
        }

        var steps = new FunnelStep[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (FunnelSteps.FromName(names[i]) is not { } step || !FunnelSteps.FromThePage.Contains(step))
            {
                errors.Add(field, $"Each one of {string.Join(", ", FunnelSteps.FromThePage.Select(FunnelSteps.Name))}; held and confirmed are learnt from the booking.");
                return [];
            }

            steps[i] = step;
        }

        return steps;
    }
}
