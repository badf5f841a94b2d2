using Actors.Runtime.Streams;

namespace Actors.Runtime.Persistence;

/// <summary>A committed domain event with its position in its stream (1, 2, 3, ... without gaps).</summary>
public sealed record RecordedEvent(StreamId Stream, long Sequence, string EventType, byte[] Payload, DateTimeOffset RecordedAt);
