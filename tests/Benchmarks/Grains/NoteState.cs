using Orleans;

namespace Actors.Benchmarks.Grains;

/// <summary>The persisted state of a <see cref="INoteGrain"/>; the raw baseline writes the same JSON.</summary>
[GenerateSerializer]
public sealed record NoteState
{
    [Id(0)]
    public long Revision { get; init; }

    [Id(1)]
    public string Text { get; init; } = "";
}
