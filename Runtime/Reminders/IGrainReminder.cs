namespace Actors.Runtime.Reminders;

/// <summary>A registered reminder, by name.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
