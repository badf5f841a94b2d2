using Actors.Runtime.Activation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Reminders;

/// <summary>
/// Reads due reminders from the durable table and delivers each as a call to its grain, which
/// activates it if needed. Because the table is durable, a reminder registered before a restart
/// still fires after it.
/// </summary>
internal sealed class ReminderService(
    IReminderTable table,
    IGrainFactory grains,
    IGrainOwnership ownership,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await FireDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Reading due reminders failed; trying again next poll");
            }
        }
        while (await ticker.WaitForNextTickAsync(stoppingToken));
    }

    private async Task FireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await table.ReadDueAsync(now, options.Value.BatchSize, cancellationToken);
        await Task.WhenAll(due.Where(r => ownership.IsLocal(r.Grain)).Select(r => FireAsync(r, now, cancellationToken)));
    }

    private async Task FireAsync(ReminderEntry reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset next;
        try
        {
            await grains.GetGrain<IRemindable>(reminder.Grain)
                .ReceiveReminder(reminder.Name, new TickStatus(reminder.NextDue, reminder.Period, now));
            next = NextAfter(reminder, now);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Reminder {Reminder} of {Grain} failed; it will fire again", reminder.Name, reminder.Grain);
            next = now + TimeSpan.FromTicks(Math.Min(reminder.Period.Ticks, options.Value.RetryDelay.Ticks));
        }

        // The grain may have removed or re-registered the reminder while handling it: that wins.
        await table.AdvanceAsync(reminder, next, cancellationToken);
    }

    // Skip ticks missed while no silo was up, rather than firing them all at once.
    private static DateTimeOffset NextAfter(ReminderEntry reminder, DateTimeOffset now)
    {
        var missed = (now - reminder.NextDue).Ticks / reminder.Period.Ticks;
        return reminder.NextDue + TimeSpan.FromTicks((missed + 1) * reminder.Period.Ticks);
    }
}
