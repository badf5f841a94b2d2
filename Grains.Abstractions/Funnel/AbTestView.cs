using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>An A/B test of a property: "draft" until started, then "running", then "stopped" for good.</summary>
[GenerateSerializer, Immutable, Alias("AbTestView")]
public sealed record AbTestView(string Id, string Name, string Status, IReadOnlyList<AbVariant> Variants, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? StoppedAt);
