using Actors.Grains.Abstractions.Funnel;

namespace Actors.Grains.Funnel;

/// <summary>One visit as kept until its retention ends or the owner purges visits; then the whole state is cleared.</summary>
internal sealed class VisitState
{
    public bool Started { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public VisitDetails? Details { get; set; }

    public List<VariantShown> Variants { get; set; } = [];

    /// <summary>The page's steps reached, in order: a prefix of viewed, searched, saw prices, chose a room.</summary>
    public List<FunnelStep> Steps { get; set; } = [];
}
