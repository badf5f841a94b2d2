namespace Actors.Runtime;

/// <summary>Reminder tunables, bound from the "Reminders" configuration section.</summary>
public sealed class ReminderOptions
{
    /// <summary>How often the reminder table is read for due reminders; also the firing precision.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A tick whose grain call failed is tried again after this long (or its period, if shorter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most reminders fired in one poll.</summary>
    public int BatchSize { get; set; } = 200;
}
