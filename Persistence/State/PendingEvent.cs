using Actors.Persistence.EventLog;

namespace Actors.Persistence.State;

/// <summary>A domain event raised by a grain, serialized, waiting for its state write to commit.</summary>
public sealed record PendingEvent(EventStream Stream, string EventType, byte[] Payload);
