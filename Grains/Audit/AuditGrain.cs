using System.Text.Json;
using Actors.Grains.Abstractions.Audit;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Audit;

/// <summary>
/// An organization's audit log: each entry is an event in the stream ("audit", org), appended in the
/// same transaction as a counter, so the log has no gaps and survives any crash once appended.
/// </summary>
[GrainType("audit")]
internal sealed class AuditGrain(
    [OutboxState("audit")] IOutboxState<AuditState> audit,
    IEventLog log) : Grain, IAuditGrain
{
    private EventStream Stream => AuditStream.Of(this.GetPrimaryKeyString());

    public async Task Append(AuditEntry entry)
    {
        audit.State.Entries++;
        audit.RaiseEvent(Stream, entry);
        await audit.WriteStateAsync();
    }

    public async Task<IReadOnlyList<AuditRecord>> Read(long afterSequence, int max)
    {
        var events = await log.ReadAsync(Stream, Math.Max(0, afterSequence), Math.Clamp(max, 1, AuditGrainLimits.MaxRead), CancellationToken.None);
        return [.. events.Select(e => new AuditRecord(e.Sequence, JsonSerializer.Deserialize<AuditEntry>(e.Payload, GrainJson.Options)!))];
    }
}
