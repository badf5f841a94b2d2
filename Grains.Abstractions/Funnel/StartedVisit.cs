using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>A visit the page may report steps of, with the sticky variant of every running A/B test.</summary>
[GenerateSerializer, Immutable, Alias("StartedVisit")]
public sealed record StartedVisit(string VisitId, IReadOnlyList<VariantShown> Variants);
