using Actors.Persistence.Testing;
using Actors.Persistence.TestHost;

namespace Actors.Persistence.Tests;

/// <summary>A silo whose stream receivers poll five times a second.</summary>
public sealed class PolledStreamsFixture : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["EventLog:PollInterval"] = "00:00:00.200",
    };
}

/// <summary>A missed NOTIFY costs a poll interval, never an event.</summary>
public sealed class PolledStreamTests(PolledStreamsFixture silos) : IClassFixture<PolledStreamsFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Events_committed_without_a_notification_are_found_by_polling()
    {
        // Written behind the outbox's back: no NOTIFY is sent.
        await silos.Database.ExecuteAsync("""
            WITH s AS (INSERT INTO event_streams (stream_namespace, stream_key, last_sequence) VALUES ('ledger', 'quiet', 2) RETURNING 1)
            INSERT INTO event_log (stream_namespace, stream_key, sequence, event_type, payload, grain_type, grain_key)
            SELECT 'ledger', 'quiet', n, 'LedgerPosted', '{"ledger":"quiet","value":1,"index":0}'::jsonb, 'none', 'none' FROM s, generate_series(1, 2) AS n
            """);

        var watcher = silos.Grains.GetGrain<ILedgerWatcherGrain>("quiet");
        var received = await Eventually.Until(watcher.Received, r => r.Count >= 2, TimeSpan.FromSeconds(20));
        Assert.Equal([1L, 2L], received);
    }
}
