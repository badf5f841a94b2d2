using Actors.Runtime.Streams;

namespace Actors.Runtime.Persistence;

/// <summary>A domain event raised by a grain, serialized, waiting for its state write to commit.</summary>
public sealed record PendingEvent(StreamId Stream, string EventType, byte[] Payload);
