using System.Text.Json;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Actors.Persistence.Streams;
using Actors.Persistence.Streams.Consumers;
using Microsoft.Extensions.Logging;

namespace Actors.Persistence.TestHost;

/// <summary>What a tally applied: each event's sequence in order, the sum of the values, and what it dead-lettered.</summary>
[GenerateSerializer, Immutable]
public sealed record TallyView(IReadOnlyList<long> Applied, long Sum, IReadOnlyList<long> DeadLettered);

public interface ILedgerTallyGrain : IEventLogConsumer
{
    Task<TallyView> Tally();
}

public sealed class LedgerTally
{
    public List<long> Applied { get; set; } = [];

    public long Sum { get; set; }
}

/// <summary>A consumer on the production base class: it sums a ledger stream's values and refuses the ones the probe marks as poisoned.</summary>
[ImplicitStreamSubscription("ledger")]
public sealed class LedgerTallyGrain(
    [OutboxState("tally")] IOutboxState<Consumed<LedgerTally>> tally,
    IEventLog log,
    IDeadLetters deadLetters,
    Probe probe,
    ILogger<LedgerTallyGrain> logger)
    : EventLogConsumer<LedgerTally>(tally, log, deadLetters, logger), ILedgerTallyGrain
{
    public Task<TallyView> Tally() => Task.FromResult(new TallyView([.. Data.Applied], Data.Sum, [.. DeadLetteredSequences]));

    protected override Task ApplyAsync(RecordedEvent recorded)
    {
        var posted = JsonSerializer.Deserialize<LedgerPosted>(recorded.Payload, GrainJson.Options)!;
        Data.Applied.Add(recorded.Sequence);
        if (probe.IsPoisoned(posted.Value))
        {
            // After a change to the state: the base class must undo it.
            throw new InvalidOperationException($"Value {posted.Value} is poisoned.");
        }

        Data.Sum += posted.Value;
        return Task.CompletedTask;
    }
}
