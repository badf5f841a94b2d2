using Orleans;

namespace Actors.Persistence.EventLog;

/// <summary>A committed domain event with its position in its stream (1, 2, 3, ... without gaps).</summary>
[GenerateSerializer, Immutable, Alias("RecordedEvent")]
public sealed record RecordedEvent(EventStream Stream, long Sequence, string EventType, byte[] Payload, DateTimeOffset RecordedAt);
