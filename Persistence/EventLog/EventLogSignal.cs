
namespace Actors.Persistence.EventLog;

/// <summary>
/// Says "this stream has new committed events" to whoever tails the log in this process. Raised by
/// the in-memory storage after an append, and by the PostgreSQL listener on NOTIFY; polling covers
/// anything a signal missed.
/// </summary>
public sealed class EventLogSignal
{
    public event Action<EventStream>? Appended;

    public void Raise(EventStream stream) => Appended?.Invoke(stream);
}
