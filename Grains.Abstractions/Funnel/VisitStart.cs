using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// What the funnel counts a new visit under: when it started, its source, medium and campaign, its
/// test's variant (empty when none ran), and the steps the page had reached by then, in order.
/// </summary>
[GenerateSerializer, Immutable, Alias("VisitStart")]
public sealed record VisitStart(string VisitId, DateTimeOffset StartedAt, string Source, string Medium, string Campaign, string TestId, string Variant, FunnelStep[] Steps);
