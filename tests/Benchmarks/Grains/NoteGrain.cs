using Actors.Runtime;

namespace Actors.Benchmarks.Grains;

public sealed class NoteGrain([PersistentState(NoteGrain.StateName)] IPersistentState<NoteState> note) : Grain, INoteGrain
{
    public const string StateName = "note";

    async Task<long> INoteGrain.RewriteAsync(string text)
    {
        note.State = note.State with { Revision = note.State.Revision + 1, Text = text };
        await note.WriteStateAsync();
        return note.State.Revision;
    }
}
