using Actors.Benchmarks.Platform;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// A server running as its own process from the build output, as an operator runs it: a platform
/// silo or API node, or the baseline service. Memory is read from the process alone, and CPU is
/// shared only as separate machines would not share it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, string name, int port)
    {
        this.process = process;
        Name = name;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public int Id => process.Id;

    /// <summary>Resident memory of the process (VmRSS), in bytes; what the machine actually gives it.</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>CPU time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>A platform node (project "Api" or "Silo") from its own Release build output.</summary>
    public static Task<ServerProcess> StartNodeAsync(string project, IReadOnlyDictionary<string, string> environment, string readyPath, CancellationToken cancellationToken) =>
        StartAsync(project.ToLowerInvariant(), BuildOutput(project), [], environment, readyPath, cancellationToken);

    /// <summary>The baseline service: this very program, started in its serving mode.</summary>
    public static Task<ServerProcess> StartBaselineAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        StartAsync("baseline", typeof(ServerProcess).Assembly.Location, [Baseline.BaselineServer.ServeCommand], environment, "/health", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static async Task<ServerProcess> StartAsync(
        string name, string dll, string[] arguments, IReadOnlyDictionary<string, string> environment, string readyPath, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in PlatformHost.BenchmarkSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, name, port);
        // Keep the last lines for a failure message; drain the rest so a chatty node never blocks on a full pipe.
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (90 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(readyPath, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        await server.DisposeAsync();
        string output;
        lock (tail)
        {
            output = string.Join(Environment.NewLine, tail);
        }

        throw new InvalidOperationException($"{name} ({dll}) on port {port} did not become ready:{Environment.NewLine}{output}");
    }

    // A node's own build output, in the configuration this program was built in (tests/bench.sh: Release).
    private static string BuildOutput(string project)
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Actors.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? ".", project, "bin", configuration, "net10.0", $"Actors.{project}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} in {configuration} first (tests/bench.sh does).", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
