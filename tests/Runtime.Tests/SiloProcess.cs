using System.Diagnostics;
using Actors.Runtime.TestHost;

namespace Actors.Runtime.Tests;

/// <summary>A clustered silo in its own process, hosting the test grains, that a test can kill outright.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;

    private SiloProcess(Process process) => this.process = process;

    public static async Task<SiloProcess> StartAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CounterGrain).Assembly.Location);
        start.ArgumentList.Add(connectionString);
        start.ArgumentList.Add("silo");
        var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line == "ready")
            {
                return new SiloProcess(process);
            }
        }

        throw new InvalidOperationException($"The silo process exited with code {process.ExitCode} before it was ready.");
    }

    /// <summary>SIGKILL: no shutdown code runs, no membership row is updated.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }
}
