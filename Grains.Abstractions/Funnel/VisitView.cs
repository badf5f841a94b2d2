using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>What is kept of one visit, for the hotel to see (and forget): its details until the retention period ends, and its steps.</summary>
[GenerateSerializer, Immutable, Alias("VisitView")]
public sealed record VisitView(string VisitId, DateTimeOffset StartedAt, VisitDetails Details, IReadOnlyList<VariantShown> Variants, IReadOnlyList<string> Steps);
