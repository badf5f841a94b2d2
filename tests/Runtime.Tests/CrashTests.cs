using System.Diagnostics;
using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>Guarantee 4: a write that returned is committed, and survives the process being killed.</summary>
public sealed class CrashTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Every_acknowledged_write_survives_the_process_being_killed()
    {
        var acknowledged = await RunAndKillAsync("crashing", afterWrites: 200);

        await using var silo = await Silos.StartAsync(postgres.Database);
        var value = await silo.GrainFactory.GetGrain<ICounterGrain>("crashing").Get();

        // The process may have committed one more write it never got to acknowledge; never fewer.
        Assert.InRange(value, acknowledged, acknowledged + 1);
    }

    // Starts the test host writing a counter, waits for N acknowledged writes, then SIGKILLs it.
    private async Task<int> RunAndKillAsync(string key, int afterWrites)
    {
        var hostDll = typeof(CounterGrain).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add(postgres.Database.ConnectionString);
        start.ArgumentList.Add("write");
        start.ArgumentList.Add(key);
        using var process = Process.Start(start)!;
        var last = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (last < afterWrites && await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                last = Math.Max(last, Acknowledged(line));
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        // Acknowledgements printed before the kill may still sit in the pipe: they count too.
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            last = Math.Max(last, Acknowledged(line));
        }

        await process.WaitForExitAsync(deadline.Token);
        Assert.True(last >= afterWrites, $"The host acknowledged only {last} writes before it stopped.");
        return last;
    }

    private static int Acknowledged(string line) =>
        line.StartsWith("committed ", StringComparison.Ordinal)
            ? int.Parse(line["committed ".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}
