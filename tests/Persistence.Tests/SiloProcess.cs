using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Persistence.TestHost;

namespace Actors.Persistence.Tests;

/// <summary>
/// A silo in a process of its own (Persistence.TestHost: the production host wiring plus the test
/// grains), clustered through the test database, that a test can SIGKILL.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;
    private readonly Action<string>? onLine;

    private SiloProcess(Process process, Action<string>? onLine)
    {
        this.process = process;
        this.onLine = onLine;
        reading = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public int Id => process.Id;

    /// <summary>What the process printed last, for failure messages.</summary>
    public string Tail => string.Join(Environment.NewLine, output.TakeLast(30));

    /// <summary>Starts <c>silo</c> (or <c>write key</c>) and returns once the silo has joined its cluster.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, IReadOnlyList<string>? arguments = null, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Probe).Assembly.Location);
        foreach (var argument in arguments ?? ["silo"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var silo = new SiloProcess(Process.Start(start)!, onLine);
        try
        {
            await silo.ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception exception)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"The silo process did not get ready:{Environment.NewLine}{silo.Tail}", exception);
        }

        return silo;
    }

    /// <summary>SIGKILL: no shutdown code runs, the membership row still says the silo is alive.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        // What the process printed before it died still counts: let the readers reach the end of the pipes.
        await reading.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            output.Enqueue(line);
            while (output.Count > 200)
            {
                output.TryDequeue(out _);
            }

            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }

            onLine?.Invoke(line);
        }

        ready.TrySetException(new InvalidOperationException("The silo process ended."));
    }
}
