namespace Actors.Silo.Telemetry;

/// <summary>
/// The "Telemetry" section: where Prometheus scrapes (behind the operator credential, on the node's
/// own port) and where OTLP export goes. OTLP is off unless an endpoint is given here or in the
/// standard OTEL_EXPORTER_OTLP_ENDPOINT variable.
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    /// <summary>Serve the Prometheus scrape endpoint at all.</summary>
    public bool MetricsEnabled { get; set; } = true;

    /// <summary>Path of the Prometheus scrape endpoint.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>OTLP collector address; when null, OTEL_EXPORTER_OTLP_ENDPOINT is used if set.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (port 4317 by convention) or "http/protobuf" (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The OTLP collector: this section's endpoint, else the standard environment variable, else none.</summary>
    public Uri? OtlpCollector(IConfiguration configuration) =>
        OtlpEndpoint ?? (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } fromEnvironment ? new Uri(fromEnvironment) : null);

    public static TelemetrySettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TelemetrySettings>() ?? new TelemetrySettings();

    /// <summary>How often the waiting dead letters are counted for the gauge.</summary>
    public TimeSpan DeadLetterCountInterval { get; set; } = TimeSpan.FromSeconds(15);
}
