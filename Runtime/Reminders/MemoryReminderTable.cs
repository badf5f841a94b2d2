namespace Actors.Runtime.Reminders;

/// <summary>Reminders for the embedded default; they last as long as the process.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Lock gate = new();
    private readonly Dictionary<(GrainId, string), ReminderEntry> entries = [];

    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            entries[(entry.Grain, entry.Name)] = entry;
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            entries.Remove((grain, name));
        }

        return Task.CompletedTask;
    }

    public Task<ReminderEntry?> GetAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.GetValueOrDefault((grain, name)));
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ReminderEntry> due = [.. entries.Values.Where(e => e.NextDue <= now).OrderBy(e => e.NextDue).Take(max)];
            return Task.FromResult(due);
        }
    }

    public Task AdvanceAsync(ReminderEntry fired, DateTimeOffset nextDue, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (entries.TryGetValue((fired.Grain, fired.Name), out var current) && current == fired)
            {
                entries[(fired.Grain, fired.Name)] = fired with { NextDue = nextDue };
            }
        }

        return Task.CompletedTask;
    }
}
