using System.Diagnostics.Metrics;
using Actors.Persistence.Streams;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Telemetry;

/// <summary>
/// Publishes how many dead letters wait for an operator. Counting is a database query and gauge
/// callbacks are synchronous, so the count is refreshed in the background and the gauge reads the last one.
/// </summary>
public sealed class DeadLetterGauge : BackgroundService
{
    public const string MeterName = "Actors.Operations";

    private readonly IDeadLetters deadLetters;
    private readonly IOptions<TelemetrySettings> settings;
    private readonly ILogger<DeadLetterGauge> logger;
    private long waiting = -1;

    public DeadLetterGauge(IMeterFactory meters, IDeadLetters deadLetters, IOptions<TelemetrySettings> settings, ILogger<DeadLetterGauge> logger)
    {
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.logger = logger;
        meters.Create(MeterName).CreateObservableGauge(
            "dead_letters.waiting",
            Observe,
            unit: "{event}",
            description: "Events consumers gave up on and no operator has replayed yet.");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        // Not counted yet: report nothing rather than a zero that would look like good news.
        var last = Volatile.Read(ref waiting);
        return last < 0 ? [] : [new Measurement<long>(last)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.DeadLetterCountInterval);
        do
        {
            try
            {
                Volatile.Write(ref waiting, await deadLetters.CountWaitingAsync(stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not count the waiting dead letters");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
