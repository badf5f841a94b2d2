using System.Globalization;
using Actors.Persistence.Testing;

namespace Actors.Persistence.Tests;

/// <summary>Guarantee 4: a write that returned is committed in PostgreSQL and survives the process being killed.</summary>
public sealed class CrashTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact(Timeout = 90_000)]
    public async Task Every_write_acknowledged_before_the_silo_process_is_killed_is_in_the_database()
    {
        const int Writes = 200;
        var acknowledged = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The process sets the ADO.NET counter "crashing", then posts the outbox ledger "crashing" with
        // one event, then prints "committed N": everything up to N was acknowledged.
        await using (var silo = await SiloProcess.StartAsync(database.ConnectionString, ["write", "crashing"], line =>
        {
            if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                var value = int.Parse(line["committed ".Length..], CultureInfo.InvariantCulture);
                if (Interlocked.Exchange(ref acknowledged, value) < Writes && value >= Writes)
                {
                    enough.TrySetResult();
                }
            }
        }))
        {
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await silo.KillAsync();
        }

        var last = Volatile.Read(ref acknowledged);
        Assert.True(last >= Writes);
        // The process may have committed one more write that it never got to acknowledge; never fewer.
        var ledger = await database.ScalarAsync<int>("SELECT (payload->>'value')::int FROM grain_state WHERE state_name = 'ledger' AND grain_key = 'crashing'");
        Assert.InRange(ledger, last, last + 1);
        Assert.Equal((long)ledger, await database.ScalarAsync<long>("SELECT count(*) FROM event_log WHERE grain_key = 'crashing'"));
        var counter = await database.ScalarAsync<int>(
            "SELECT (payload->>'Value')::int FROM orleans_grain_state WHERE state_name = 'counter' AND grain_id_extension LIKE '%crashing'");
        Assert.InRange(counter, last, last + 1);
    }
}
