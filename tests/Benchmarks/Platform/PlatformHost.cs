using Actors.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Platform;

/// <summary>
/// The real booking platform (Program.cs's two calls: a co-hosted silo, REST and the board hub) in
/// this process on Kestrel at a free loopback port, over PostgreSQL, with its production defaults.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private PlatformHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>
    /// What every platform node gets in a benchmark: one signing key for the run (nodes must share it),
    /// and per-client rate limits lifted, since the load generator is one client address on loopback.
    /// </summary>
    public static IReadOnlyDictionary<string, string> BenchmarkSettings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["RateLimits:Public:PermitLimit"] = "1000000000",
        ["RateLimits:SignIn:PermitLimit"] = "1000000",
        ["RateLimits:Member:PermitLimit"] = "1000000000",
    };

    public IServiceProvider Services => app.Services;

    public static async Task<PlatformHost> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Warnings to stderr: stdout carries the table.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            // Orleans' start-up notes (workstation GC in this process) and the watchdog's first check, which
            // reports a ~30 minute stall seconds after start-up in every run: noise between the tables.
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(
            BenchmarkSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)).Append(KeyValuePair.Create("ConnectionStrings:Postgres", (string?)connectionString)));
        builder.AddBookingPlatform();
        var app = builder.Build();
        app.MapBookingPlatform();
        await app.StartAsync(cancellationToken);
        return new PlatformHost(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
