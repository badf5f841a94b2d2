using Actors.Runtime.Streams;
using Npgsql;

namespace Actors.Runtime.TestHost;

/// <summary>Writes a value with domain events, optionally with an enlisted write that fails inside the transaction.</summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Sets the value and raises <paramref name="events"/> events on the stream; fails the transaction when asked.</summary>
    Task Post(int value, int events, bool failInsideTransaction);

    /// <summary>The value this activation holds.</summary>
    Task<int> Value();

    /// <summary>Sets the value and schedules (or, with a null delay, removes) the "settle" reminder in the same write.</summary>
    Task PostWithReminder(int value, TimeSpan? settleAfter, bool failInsideTransaction);
}

public sealed record LedgerPosted(string Ledger, int Value, int Index);

public sealed class LedgerState
{
    public int Value { get; set; }
}

public sealed class LedgerGrain([PersistentState("ledger")] IPersistentState<LedgerState> ledger) : Grain, ILedgerGrain
{
    public static readonly StreamId Stream = new("ledger", "shared");

    public async Task Post(int value, int events, bool failInsideTransaction)
    {
        ledger.State.Value = value;
        for (var i = 0; i < events; i++)
        {
            ledger.RaiseEvent(Stream, new LedgerPosted(GetPrimaryKeyString(), value, i));
        }

        if (failInsideTransaction)
        {
            ledger.Enlist(new FailingWrite());
        }

        await ledger.WriteStateAsync();
    }

    public Task<int> Value() => Task.FromResult(ledger.State.Value);

    public async Task PostWithReminder(int value, TimeSpan? settleAfter, bool failInsideTransaction)
    {
        ledger.State.Value = value;
        if (settleAfter is { } due)
        {
            await RegisterOrUpdateReminder(ledger, "settle", due, TimeSpan.FromHours(1));
        }
        else
        {
            await UnregisterReminder(ledger, "settle");
        }

        if (failInsideTransaction)
        {
            ledger.Enlist(new FailingWrite());
        }

        await ledger.WriteStateAsync();
    }

    // Runs after the state row and the events were written in the transaction, then breaks it.
    private sealed class FailingWrite : ITransactionalWrite
    {
        public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT 1 / 0", connection, transaction);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
