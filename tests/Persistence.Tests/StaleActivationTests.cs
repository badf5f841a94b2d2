using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Actors.Persistence.Tests;

/// <summary>
/// Guarantee 3: at most one activation of a grain can commit. Two clusters with one service id on one
/// database (as in a split brain) each hold an activation of the same grain; whichever writes second
/// is stale: its write fails with InconsistentStateException, it is dropped, and the grain's next
/// call reads what was committed.
/// </summary>
public sealed class StaleActivationTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private InProcessTestCluster left = null!;
    private InProcessTestCluster right = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        // Started one after the other: both migrate the schema, the second finds it done.
        left = await TestSilos.StartAsync(database, serviceId: "split", clusterId: "left");
        right = await TestSilos.StartAsync(database, serviceId: "split", clusterId: "right");
    }

    public async Task DisposeAsync()
    {
        await right.DisposeAsync();
        await left.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_outbox_activation_fails_its_write_and_the_next_call_reads_the_committed_state()
    {
        var onLeft = left.Client.GetGrain<ILedgerGrain>("stale-ledger");
        var onRight = right.Client.GetGrain<ILedgerGrain>("stale-ledger");
        await onLeft.Post(1, events: 1);
        // Both activations now hold version 1.
        Assert.Equal(1, await onRight.Value());
        var staleActivation = (await onRight.Where()).Activation;

        await onLeft.Post(2, events: 1);
        await Assert.ThrowsAsync<InconsistentStateException>(() => onRight.Post(99, events: 1));

        Assert.Equal(2, await onRight.Value());
        Assert.NotEqual(staleActivation, (await onRight.Where()).Activation);
        Assert.Equal("2", await database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'stale-ledger'"));
        // The refused write left no event behind.
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'stale-ledger'"));

        // The fresh activation holds the current ETag, so it can write again.
        await onRight.Post(3, events: 1);
        Assert.Equal("3", await database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'stale-ledger'"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_activation_in_Orleans_ADO_NET_grain_storage_fails_its_write_and_the_next_call_reads_the_committed_state()
    {
        var onLeft = left.Client.GetGrain<ICounterGrain>("stale-counter");
        var onRight = right.Client.GetGrain<ICounterGrain>("stale-counter");
        await onLeft.Set(1);
        // Both activations now hold the same ETag.
        Assert.Equal(1, await onRight.Get());
        var staleActivation = (await onRight.Where()).Activation;

        await onLeft.Set(2);
        await Assert.ThrowsAsync<InconsistentStateException>(() => onRight.Set(99));

        Assert.Equal(2, await onRight.Get());
        Assert.NotEqual(staleActivation, (await onRight.Where()).Activation);
        await onRight.Set(3);
        // The other side's activation is now the stale one.
        await Assert.ThrowsAsync<InconsistentStateException>(() => onLeft.Set(4));
        Assert.Equal(3, await onLeft.Get());
    }

    [Fact(Timeout = 60_000)]
    public async Task Of_two_activations_making_the_first_write_at_once_exactly_one_commits()
    {
        var onLeft = left.Client.GetGrain<ILedgerGrain>("contested");
        var onRight = right.Client.GetGrain<ILedgerGrain>("contested");
        Assert.Equal(0, await onLeft.Value());
        Assert.Equal(0, await onRight.Value());

        var outcomes = await Task.WhenAll(Attempt(() => onLeft.Post(11, events: 1)), Attempt(() => onRight.Post(22, events: 1)));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, o => o is not null));
        var committed = outcomes[0] is null ? 11 : 22;
        Assert.Equal(committed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await database.ScalarAsync<string>("SELECT payload->>'value' FROM grain_state WHERE grain_key = 'contested'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'contested'"));
        Assert.Equal(committed, await onLeft.Value());
        Assert.Equal(committed, await onRight.Value());
    }

    private static async Task<Exception?> Attempt(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
