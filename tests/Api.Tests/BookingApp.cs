using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Actors.Api.Tests;

/// <summary>
/// The real API host (Program.cs's two calls), on Kestrel at a free loopback port, over a given
/// database, reached over real HTTP. Stop it and start another on the same database to restart.
/// </summary>
public sealed class BookingApp : IAsyncDisposable
{
    /// <summary>The key every test app signs tokens with, so a token outlives a restart as it would with a configured key.</summary>
    public const string SigningKey = "test-signing-key-of-at-least-32-characters";

    private readonly WebApplication app;

    private BookingApp(WebApplication app, Uri address, CapturedLogs logs)
    {
        this.app = app;
        Logs = logs;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>What this app logged at Warning and above.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The app's services, for tests that drive a component (such as the board feed) directly.</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<BookingApp> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddConsole().AddProvider(logs).SetMinimumLevel(LogLevel.Warning);
        var overrides = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Reminders:PollInterval"] = "00:00:00.200",
            ["Bookings:RoomHoldGrace"] = "00:00:01",
            ["Auth:SigningKey"] = SigningKey,
            // Hashing at the production 600,000 iterations would make every sign-in in the suite cost a second.
            ["Accounts:PasswordIterations"] = "1000",
            // Every test client is 127.0.0.1: only the rate limit tests want the limits they set.
            ["RateLimits:SignIn:PermitLimit"] = "100000",
            ["RateLimits:Public:PermitLimit"] = "100000",
            ["RateLimits:Member:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        configure?.Invoke(builder);
        builder.AddBookingPlatform();
        var app = builder.Build();
        app.MapBookingPlatform();
        await app.StartAsync();
        return new BookingApp(app, new Uri(app.Urls.First()), logs);
    }

    /// <summary>Another client, with its own connections, as a separate guest's browser would be.</summary>
    public HttpClient NewClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
