using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Npgsql;

namespace Actors.Persistence.TestHost;

/// <summary>A value kept in the outbox state facet, raising domain events with each write.</summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Sets the value and raises <paramref name="events"/> events in the same write; breaks the transaction after they were written when asked.</summary>
    Task Post(int value, int events, bool failInsideTransaction = false);

    /// <summary>Sets the value and raises one event on the ledger stream named <paramref name="streamKey"/> instead of the shared one.</summary>
    Task PostTo(string streamKey, int value);

    /// <summary>The value this activation holds.</summary>
    Task<int> Value();

    /// <summary>Which activation, in which process, answers.</summary>
    Task<Whereabouts> Where();
}

/// <summary>The event a ledger raises: which ledger, the value it was set to, and its index within the write.</summary>
public sealed record LedgerPosted(string Ledger, int Value, int Index);

public sealed class LedgerState
{
    public int Value { get; set; }
}

public sealed class LedgerGrain([OutboxState("ledger")] IOutboxState<LedgerState> ledger) : Grain, ILedgerGrain
{
    public static readonly EventStream Stream = new("ledger", "shared");

    private readonly Guid activation = Guid.NewGuid();

    public async Task Post(int value, int events, bool failInsideTransaction = false)
    {
        ledger.State.Value = value;
        for (var i = 0; i < events; i++)
        {
            ledger.RaiseEvent(Stream, new LedgerPosted(this.GetPrimaryKeyString(), value, i));
        }

        if (failInsideTransaction)
        {
            ledger.Enlist(new BrokenWrite());
        }

        try
        {
            await ledger.WriteStateAsync();
        }
        catch (PostgresException refused)
        {
            // Npgsql's exception cannot cross the wire (dotnet/orleans#8201): callers get one that can.
            throw new InvalidOperationException($"The database refused the write: {refused.MessageText}");
        }
    }

    public Task PostTo(string streamKey, int value)
    {
        ledger.State.Value = value;
        ledger.RaiseEvent(new EventStream(Stream.Namespace, streamKey), new LedgerPosted(this.GetPrimaryKeyString(), value, 0));
        return ledger.WriteStateAsync();
    }

    public Task<int> Value() => Task.FromResult(ledger.State.Value);

    public Task<Whereabouts> Where() => Task.FromResult(new Whereabouts(activation, Environment.ProcessId, RuntimeIdentity));

    // Runs after the state row and the events are written in the transaction, then violates a constraint.
    private sealed class BrokenWrite : ITransactionalWrite
    {
        public IEnumerable<NpgsqlBatchCommand> Commands() =>
            [new("INSERT INTO event_streams (stream_namespace, stream_key, last_sequence) VALUES (NULL, NULL, 0)")];

        public void Apply(MemoryTables tables) => throw new InvalidOperationException("A constraint refused the write.");
    }
}
