using System.Diagnostics;
using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;
using Xunit.Abstractions;

namespace Actors.Persistence.Tests;

/// <summary>
/// Guarantee 6: when a silo dies, its grains come back on live silos within 10 s on this machine; no
/// committed data is lost and callers get an error or an answer, never a hang. Three silo processes
/// with the production failure detection on one database; the one hosting a grain is SIGKILLed.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Guarantee = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    // Longer than any call may take with the client's timeout: a call still running after this hangs.
    private static readonly TimeSpan HangLimit = CallTimeout * 3;

    private TestDatabase database = null!;
    private List<SiloProcess> silos = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        // One first, so the others find the schema migrated and the cluster formed.
        silos.Add(await SiloProcess.StartAsync(database.ConnectionString));
        silos.AddRange(await Task.WhenAll(SiloProcess.StartAsync(database.ConnectionString), SiloProcess.StartAsync(database.ConnectionString)));
        await Eventually.Until(
            () => database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
            active => active == 3,
            TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_grains_of_a_killed_silo_answer_on_a_survivor_within_ten_seconds_with_every_committed_write()
    {
        await using var client = await ClusterClient.StartAsync(database.ConnectionString, CallTimeout);
        var counters = Enumerable.Range(0, 30).Select(i => client.Grains.GetGrain<ICounterGrain>($"spread-{i}")).ToList();
        var ledgers = Enumerable.Range(0, 30).Select(i => client.Grains.GetGrain<ILedgerGrain>($"spread-{i}")).ToList();
        foreach (var (counter, ledger) in counters.Zip(ledgers))
        {
            await counter.Increment();
            await counter.Increment();
            await ledger.Post(1, events: 1);
            await ledger.Post(2, events: 1);
        }

        var hosts = await Task.WhenAll(counters.Select(c => c.Where()));
        Assert.True(hosts.Select(h => h.ProcessId).Distinct().Count() > 1, "All grains landed on one silo: the test would not show a move.");
        var victim = silos.Single(s => s.Id == hosts[0].ProcessId);
        var moving = counters.Where((_, i) => hosts[i].ProcessId == victim.Id).ToList();

        await victim.KillAsync();
        var sinceKill = Stopwatch.StartNew();

        // Callers during the failure: each call ends with an answer or an error, none hangs.
        var during = moving.Select(c => Outcome(c.Get)).ToList();
        var answeredAfter = await FirstAnswerAsync(counters[0], TimeSpan.FromSeconds(60));
        output.WriteLine($"Grain spread-0 answered on a survivor {answeredAfter.TotalSeconds:F1} s after its silo was SIGKILLed ({moving.Count} of {counters.Count} counters moved).");
        var outcomes = await Task.WhenAll(during);
        output.WriteLine($"Calls made right after the kill: {outcomes.Count(o => o is null)} answered, {outcomes.Count(o => o is not null)} failed ({string.Join(", ", outcomes.OfType<string>().Distinct())}).");
        Assert.True(answeredAfter < Guarantee, $"The grain came back after {answeredAfter.TotalSeconds:F1} s; the guarantee is {Guarantee.TotalSeconds} s.");

        // Everything answers from the survivors with what was committed before the kill.
        Assert.Equal(Enumerable.Repeat(2, counters.Count), await Task.WhenAll(counters.Select(c => Guarded(c.Get))));
        Assert.Equal(Enumerable.Repeat(2, ledgers.Count), await Task.WhenAll(ledgers.Select(l => Guarded(l.Value))));
        Assert.DoesNotContain(victim.Id, (await Task.WhenAll(counters.Select(c => Guarded(c.Where)))).Select(w => w.ProcessId));
        Assert.Equal(60L, await database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key LIKE 'spread-%'"));
    }

    // Calls the grain until it answers; every failed attempt must fail, not hang.
    private static async Task<TimeSpan> FirstAnswerAsync(ICounterGrain grain, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await Outcome(grain.Get) is null)
            {
                return watch.Elapsed;
            }

            Assert.True(watch.Elapsed < limit, $"The grain did not answer within {limit}.");
            await Task.Delay(100);
        }
    }

    // Null when the call answered, else the kind of error it failed with; fails the test if the call hangs.
    private static async Task<string?> Outcome<T>(Func<Task<T>> call)
    {
        try
        {
            await Guarded(call);
            return null;
        }
        catch (HangException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return exception.GetType().Name;
        }
    }

    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        var task = call();
        if (await Task.WhenAny(task, Task.Delay(HangLimit)) != task)
        {
            throw new HangException($"A call was still running {HangLimit.TotalSeconds} s after it was made.");
        }

        return await task;
    }

    private sealed class HangException(string message) : Exception(message);
}
