using Actors.Silo.Operations;
using Microsoft.Extensions.Logging.Console;
using System.Diagnostics.Metrics;
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
                    .AddView(NpgsqlStreams)
                    .AddMeter(OrleansMeter, OurMeters);
                if (settings.MetricsEnabled)
                {
                    // No response cache: Prometheus is one scraper every few seconds, and a cached scrape once kept
                    // answering the same figures for 30 s in a full test run, bookings made since never showing.
                    metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });

        if (settings.OtlpCollector(builder.Configuration) is { } otlp)
        {
            // Spans only where they go somewhere: recorded for no exporter they cost every request and
            // grain call CPU for nothing. Trace ids in logs and problem details come from ASP.NET Core's
            // request activity, which it starts for logging with or without this.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"));
            var protocol = settings.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.WithLogging(logging => { }, options => options.IncludeScopes = true).UseOtlpExporter(protocol, otlp);
        }

        return builder;
    }

    /// <summary>
    /// Npgsql labels its metrics with the pool's whole connection string (host and user names included):
    /// a series set per database and user a process ever opened. With many of them (the test process
    /// opens a database per test class) scrapes came back cut short in the middle of these series, every
    /// metric after them lost. Connections are counted per state and commands per server and database
    /// instead; the prepared-commands ratio is dropped, as a ratio cannot be summed over pools.
    /// </summary>
    private static MetricStreamConfiguration? NpgsqlStreams(Instrument instrument) => instrument.Name switch
    {
        "db.client.operation.npgsql.prepared_ratio" => MetricStreamConfiguration.Drop,
        _ when instrument.Name.StartsWith("db.client.connection.", StringComparison.Ordinal) => new MetricStreamConfiguration { TagKeys = ["db.client.connection.state"] },
        _ when instrument.Name.StartsWith("db.client.operation.", StringComparison.Ordinal) => new MetricStreamConfiguration { TagKeys = ["db.system.name", "db.namespace", "server.address", "server.port", "error.type"] },
        _ => null,
    };

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
