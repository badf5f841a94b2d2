using Orleans.Runtime;

namespace Actors.Persistence.State;

/// <summary>Everything one WriteStateAsync commits together.</summary>
public sealed record StateWrite(
    GrainId Grain,
    string StateName,
    byte[] Payload,
    string? ExpectedEtag,
    IReadOnlyList<PendingEvent> Events,
    IReadOnlyList<ITransactionalWrite> Enlisted);
