namespace Actors.Runtime.Reminders;

/// <summary>A reminder table that can record a change inside a grain's state transaction.</summary>
public interface ITransactionalReminders
{
    ITransactionalWrite Upsert(ReminderEntry entry);

    ITransactionalWrite Remove(GrainId grain, string name);
}
