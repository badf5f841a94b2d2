using Actors.Persistence.State;
using Orleans;

namespace Actors.Benchmarks.Grains;

/// <summary>Every call is one <see cref="IOutboxState{TState}.WriteStateAsync"/> of the platform's own store (no events, nothing enlisted).</summary>
[GrainType(TypeName)]
public sealed class NoteGrain([OutboxState(NoteGrain.StateName)] IOutboxState<NoteState> note) : Grain, INoteGrain
{
    /// <summary>The grain type as grain_state.grain_type holds it.</summary>
    public const string TypeName = "bench-note";

    public const string StateName = "note";

    async Task<long> INoteGrain.RewriteAsync(string text)
    {
        note.State = note.State with { Revision = note.State.Revision + 1, Text = text };
        await note.WriteStateAsync();
        return note.State.Revision;
    }
}
