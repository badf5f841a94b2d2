using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Benchmarks.Baseline;

/// <summary>
/// SignalR fed by polling, the usual conventional backplane: every PollInterval one query reads the
/// new events of every board followed on this node and pushes each to its property's group.
/// </summary>
public sealed class BaselineBoardPoller(
    BaselineBoards boards,
    BaselineStore store,
    IHubContext<BaselineBoardHub> hub,
    IOptions<BaselineOptions> options,
    ILogger<BaselineBoardPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var watched = boards.Watched();
                if (watched.Count == 0)
                {
                    continue;
                }

                foreach (var (board, recorded) in await store.ReadWatchedAsync(watched, stoppingToken))
                {
                    // One serialization per group: SignalR's group send reuses the message for every member.
                    await hub.Clients.Group(board).SendAsync(BaselineBoardHub.EventMethod, recorded, stoppingToken);
                    boards.Delivered(board, recorded.Sequence);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Polling board events failed; retrying on the next tick");
            }
        }
    }
}
