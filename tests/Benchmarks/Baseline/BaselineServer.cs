using System.Text.Json.Serialization;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Benchmarks.Baseline;

/// <summary>
/// The conventional design the platform is measured against: ASP.NET Core minimal API + SignalR
/// over PostgreSQL with row locks, no actors. Runs inside the benchmark (Kestrel on a free loopback
/// port) or as its own process (<c>Actors.Benchmarks serve-baseline --urls ...</c>) like a platform node.
/// </summary>
public static class BaselineServer
{
    public const string ServeCommand = "serve-baseline";

    public static WebApplicationBuilder AddBaseline(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("The baseline needs ConnectionStrings:Postgres.");
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.UseOurs);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOptions<BaselineOptions>().Bind(builder.Configuration.GetSection("Baseline"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<BaselineStore>();
        builder.Services.AddSingleton<BaselineBoards>();
        builder.Services.AddHostedService<BaselineBoardPoller>();
        builder.Services.AddSignalR();
        return builder;
    }

    /// <summary>Starts the baseline in this process over <paramref name="connectionString"/>; its schema is created first.</summary>
    public static async Task<BaselineHost> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString });
        var app = builder.AddBaseline().Build();
        app.MapBaselineApi();
        await app.Services.GetRequiredService<BaselineStore>().ApplySchemaAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return new BaselineHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>The serving mode: a baseline node as its own process, until it is stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var app = builder.AddBaseline().Build();
        app.MapBaselineApi();
        await app.Services.GetRequiredService<BaselineStore>().ApplySchemaAsync(CancellationToken.None);
        await app.RunAsync();
        return 0;
    }
}
