using Actors.Grains.Abstractions.Funnel;

namespace Actors.Grains.Funnel;

/// <summary>A property's A/B tests by id, numbered from 1 in the order they were defined.</summary>
internal sealed class AbTestsState
{
    public int LastId { get; set; }

    public Dictionary<string, AbTestView> Tests { get; set; } = [];
}
