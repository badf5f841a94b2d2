using Actors.Runtime.Streams;

namespace Actors.Runtime.Persistence;

/// <summary>
/// Says "this stream has new committed events" to whoever tails the log in this process. Raised by
/// the in-memory storage after an append, and by the PostgreSQL listener on NOTIFY; polling covers
/// anything a signal missed.
/// </summary>
public sealed class EventLogSignal
{
    public event Action<StreamId>? Appended;

    public void Raise(StreamId stream) => Appended?.Invoke(stream);
}
