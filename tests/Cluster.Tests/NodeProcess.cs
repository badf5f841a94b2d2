using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Actors.Cluster.Tests;

/// <summary>A silo or API node running as its own process from the build output, as an operator runs it.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly string project;
    private readonly Dictionary<string, string> environment;
    private Process? process;

    private NodeProcess(string project, int port, Dictionary<string, string> environment)
    {
        this.project = project;
        this.environment = environment;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => process is { HasExited: false };

    public static async Task<NodeProcess> StartAsync(string project, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Silo__CallTimeout"] = "00:00:10",
            ["Logging__LogLevel__Default"] = "Warning",
            // Shared by every API node, as an operator configures it: a token from one node is good on the other.
            ["Auth__SigningKey"] = "cluster-test-signing-key-shared-by-all-nodes",
            ["Accounts__PasswordIterations"] = "1000",
            // Every client of the test is 127.0.0.1.
            ["RateLimits__Public__PermitLimit"] = "1000000",
            ["RateLimits__Member__PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var node = new NodeProcess(project, FreePort(), environment);
        await node.StartAsync();
        return node;
    }

    /// <summary>Starts (or restarts) the process and waits until it reports ready.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Repository.BuildOutput(project))!,
        };
        start.ArgumentList.Add(Repository.BuildOutput(project));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString());
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        // Drain output so a chatty node never blocks on a full pipe; keep it when NODE_LOGS names a folder.
        var log = Environment.GetEnvironmentVariable("NODE_LOGS") is { Length: > 0 } folder
            ? TextWriter.Synchronized(new StreamWriter(Path.Combine(folder, $"{project}-{Port}-{process.Id}.log"), append: true) { AutoFlush = true })
            : null;
        process.OutputDataReceived += (_, line) => log?.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => log?.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{project} on port {Port} did not become ready (exited: {process.HasExited}).");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
