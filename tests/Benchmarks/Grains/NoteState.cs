namespace Actors.Benchmarks.Grains;

/// <summary>The persisted state of a <see cref="INoteGrain"/>; the raw baseline writes the same JSON.</summary>
public sealed record NoteState
{
    public long Revision { get; init; }

    public string Text { get; init; } = "";
}
