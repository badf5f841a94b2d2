using Actors.Benchmarks.Grains;
using Actors.Benchmarks.Harness;
using Actors.Persistence.Testing;

namespace Actors.Benchmarks.Scenarios;

/// <summary>
/// What a call to a grain on another silo costs next to a local one: the same trivial grain called
/// from the silo that hosts it (its co-hosted client), and from an Orleans client in this process
/// (Cluster:HostsGrains=false, as an API node runs) that found the silo's gateway in the membership
/// table: every such call is serialized and crosses Orleans' gateway connection on loopback TCP.
/// </summary>
public sealed class RemoteCallsScenario : Scenario
{
    private const int ManyCallers = 64;

    public override string Name => "remote-calls";

    public override string Title => "Remote grain calls next to local ones";

    public override string Unit => "calls";

    public override string? SkipReason(BenchSettings settings) =>
        settings.ConnectionString is null ? "ConnectionStrings__Postgres is not set (membership lives there)" : null;

    public override async Task<ScenarioResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await BenchSilo.JoinAsync(database.ConnectionString, hostsGrains: true);
        await using var client = await BenchSilo.JoinAsync(database.ConnectionString, hostsGrains: false);
        var keys = Enumerable.Range(0, settings.Grains).Select(i => $"ping-{i}").ToArray();
        var local = keys.Select(k => host.GrainFactory.GetGrain<IPingGrain>(k)).ToArray();
        var remote = keys.Select(k => client.GrainFactory.GetGrain<IPingGrain>(k)).ToArray();
        await Task.WhenAll(local.Select(g => g.PingAsync(0)));
        // The client routes once it has seen the host in the membership table.
        await Eventually.Until(
            async () =>
            {
                try
                {
                    return await remote[0].PingAsync(1) == 2;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return false;
                }
            },
            ok => ok,
            TimeSpan.FromSeconds(30));

        const string local1 = "local call, 1 caller";
        const string remote1 = "remote call, 1 caller";
        var localMany = $"local call, {ManyCallers} callers";
        var remoteMany = $"remote call, {ManyCallers} callers";
        Load[] loads =
        [
            new(local1, 1, caller => Calls(local, caller, 1)),
            new(remote1, 1, caller => Calls(remote, caller, 1), Versus: local1),
            new(localMany, ManyCallers, caller => Calls(local, caller, ManyCallers)),
            new(remoteMany, ManyCallers, caller => Calls(remote, caller, ManyCallers), Versus: localMany),
        ];
        var rows = await MeasureAsync(loads, settings with { Measure = settings.Measure / 2, Warmup = settings.Warmup / 2 }, cancellationToken);
        Figure[] figures =
        [
            new("grain call p50, remote (Orleans client to silo gateway) vs local", "us", Of(rows, remote1).Latency.P50, Of(rows, local1).Latency.P50, HigherIsBetter: false),
            new($"grain calls/s, {ManyCallers} callers, remote vs local", "/s", Of(rows, remoteMany).PerSecond, Of(rows, localMany).PerSecond, HigherIsBetter: true,
                "silo and client in this process: loopback TCP, no network"),
        ];
        return Result(figures, rows, new Dictionary<string, string> { ["grains"] = $"{keys.Length}" });
    }

    // Caller i calls grains i, i + stride, ...: callers rarely meet on one grain.
    private static Func<CancellationToken, ValueTask> Calls(IPingGrain[] grains, int caller, int stride)
    {
        var next = caller % grains.Length;
        return async _ =>
        {
            await grains[next].PingAsync(next);
            next = (next + stride) % grains.Length;
        };
    }
}
