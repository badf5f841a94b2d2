using Orleans;

namespace Actors.Benchmarks.Grains;

/// <summary>A grain whose every call rewrites its persisted state: one durable write per call.</summary>
[Alias("bench.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    /// <summary>Replaces the note's text, persists it, and returns the new revision.</summary>
    [Alias("Rewrite")]
    Task<long> RewriteAsync(string text);
}
