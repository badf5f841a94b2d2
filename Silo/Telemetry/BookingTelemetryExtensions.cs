using Actors.Silo.Operations;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Actors.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for every node: HTTP per route (ASP.NET Core's meters), grain calls and activations
/// (Orleans' "Microsoft.Orleans" meter and activity sources), PostgreSQL commands (Npgsql), and our
/// own "Actors.*" meters (bookings, boards, dead letters). Prometheus scrapes it on the node's port;
/// OTLP exports traces, metrics and logs when an endpoint is configured. Log lines carry the trace id
/// of the request they belong to, the same id a problem document shows.
/// </summary>
public static class BookingTelemetryExtensions
{
    private const string OurMeters = "Actors.*";
    private const string OrleansMeter = "Microsoft.Orleans";

    public static IHostApplicationBuilder AddBookingTelemetry(this IHostApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Services.AddOptions<TelemetrySettings>().Bind(builder.Configuration.GetSection(TelemetrySettings.Section));
        builder.Services.AddHostedService<DeadLetterGauge>();

        // Every log line written during a request carries its trace id as a scope; the console shows scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // Without a formatter name the console logger copies its legacy options over the formatter's, scopes off; naming it keeps ours.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["Product:Name"] ?? "bookings"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation()
                    // Npgsql labels its pool metrics with the pool's connection string: one series set per database
                    // and user a process ever opened (host and user names included), which grew a scrape past what the
                    // exporter writes whole. Connections are counted per state, summed over the pools.
                    .AddView("db.client.connection.*", new MetricStreamConfiguration { TagKeys = ["db.client.connection.state"] })
                    .AddMeter(OrleansMeter, OurMeters);
                if (settings.MetricsEnabled)
                {
                    // No response cache: Prometheus is one scraper every few seconds, and a cached scrape once kept
                    // answering the same figures for 30 s in a full test run, bookings made since never showing.
                    metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            })
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"));

        if (settings.OtlpCollector(builder.Configuration) is { } otlp)
        {
            var protocol = settings.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.WithLogging(logging => { }, options => options.IncludeScopes = true).UseOtlpExporter(protocol, otlp);
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, for operators only (Prometheus sends the key as its basic_auth password); not part of the API's description.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetrySettings>>().Value;
        if (settings.MetricsEnabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(settings.MetricsPath)
                .RequireAuthorization(OperatorAccess.Policy)
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
