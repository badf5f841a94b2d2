using Actors.Persistence.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Actors.Persistence.EventLog;

/// <summary>
/// Wakes this node's log tailer when any node commits events: writers NOTIFY in the same transaction
/// as the events (delivered only on commit), and this service LISTENs on one dedicated connection.
/// If the connection drops, the tailer's polling still finds everything.
/// </summary>
internal sealed class PostgresEventListener(NpgsqlDataSource dataSource, EventLogSignal signal, ILogger<PostgresEventListener> logger)
    : BackgroundService
{
    private const string Channel = "event_log";

    public static NpgsqlBatchCommand NotifyCommand(EventStream stream)
    {
        var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new() { Value = Channel });
        command.Parameters.Add(new() { Value = $"{stream.Namespace}\n{stream.Key}" });
        return command;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    var parts = notification.Payload.Split('\n', 2);
                    if (parts.Length == 2)
                    {
                        signal.Raise(new EventStream(parts[0], parts[1]));
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Listening for event notifications failed; polling covers the gap, retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
