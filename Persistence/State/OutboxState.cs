using System.Text.Json;
using Actors.Persistence.EventLog;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Persistence.State;

internal sealed class OutboxState<TState>(IGrainContext context, string stateName, IOutboxStore store) : IOutboxState<TState>
    where TState : new()
{
    private readonly List<PendingEvent> events = [];
    private readonly List<ITransactionalWrite> enlisted = [];

    // What storage holds, so a failed write can put the in-memory state back.
    private byte[]? committed;

    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await store.ReadAsync(context.GrainId, stateName, cancellationToken);
        committed = stored?.Payload;
        Etag = stored?.Etag;
        State = Restore();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(State, GrainJson.Options);
        var write = new StateWrite(context.GrainId, stateName, payload, Etag, [.. events], [.. enlisted]);
        events.Clear();
        enlisted.Clear();
        try
        {
            Etag = await store.WriteAsync(write, cancellationToken);
            committed = payload;
        }
        catch (InconsistentStateException)
        {
            State = Restore();
            Deactivate();
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
            await store.ClearAsync(context.GrainId, stateName, Etag, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            Deactivate();
            throw;
        }

        events.Clear();
        enlisted.Clear();
        committed = null;
        Etag = null;
        State = new TState();
    }

    public void RaiseEvent(EventStream stream, object domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var type = domainEvent.GetType();
        events.Add(new PendingEvent(stream, type.Name, JsonSerializer.SerializeToUtf8Bytes(domainEvent, type, GrainJson.Options)));
    }

    public void Enlist(ITransactionalWrite write) => enlisted.Add(write);

    // Orleans deactivates an activation whose InconsistentStateException escapes; this also covers a
    // grain that catches it, so a stale activation never serves another call.
    private void Deactivate() =>
        context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, $"State '{stateName}' was written by another activation."));

    private TState Restore() =>
        committed is null ? new TState() : JsonSerializer.Deserialize<TState>(committed, GrainJson.Options) ?? new TState();
}
