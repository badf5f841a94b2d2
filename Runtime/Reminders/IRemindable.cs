namespace Actors.Runtime;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called when a reminder is due, activating the grain if needed.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
