namespace Actors.Runtime.Reminders;

/// <summary>A reminder as stored: whose it is, when it is next due, and how often it repeats.</summary>
public sealed record ReminderEntry(GrainId Grain, string Name, DateTimeOffset NextDue, TimeSpan Period) : IGrainReminder
{
    public string ReminderName => Name;
}
