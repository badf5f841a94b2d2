using System.Text.Json;
using Actors.Runtime.Activation;
using Actors.Runtime.Streams;

namespace Actors.Runtime.Persistence;

internal sealed class PersistentState<TState>(ActivationData activation, string stateName, IGrainStorage storage)
    : IPersistentState<TState>, IActivationState
    where TState : new()
{
    private readonly List<PendingEvent> events = [];
    private readonly List<ITransactionalWrite> enlisted = [];

    // What storage holds, so a failed write can put the in-memory state back.
    private byte[]? committed;

    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    Task IActivationState.LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(activation.GrainId, stateName, cancellationToken);
        committed = stored?.Payload;
        Etag = stored?.Etag;
        State = Restore();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(State, GrainJson.Options);
        var write = new StateWrite(activation.GrainId, stateName, payload, Etag, [.. events], [.. enlisted]);
        events.Clear();
        enlisted.Clear();
        try
        {
            Etag = await storage.WriteAsync(write, cancellationToken);
            committed = payload;
        }
        catch (InconsistentStateException)
        {
            State = Restore();
            activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        catch
        {
            State = Restore();
            throw;
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ClearAsync(activation.GrainId, stateName, Etag, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }

        events.Clear();
        enlisted.Clear();
        committed = null;
        Etag = null;
        State = new TState();
    }

    public void RaiseEvent(StreamId stream, object domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var type = domainEvent.GetType();
        events.Add(new PendingEvent(stream, type.Name, JsonSerializer.SerializeToUtf8Bytes(domainEvent, type, GrainJson.Options)));
    }

    public void Enlist(ITransactionalWrite write) => enlisted.Add(write);

    private TState Restore() =>
        committed is null ? new TState() : JsonSerializer.Deserialize<TState>(committed, GrainJson.Options) ?? new TState();
}
