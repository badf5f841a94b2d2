using Actors.Persistence.EventLog;

namespace Actors.Persistence.Streams;

/// <summary>An event a consumer gave up on: which consumer, which event, why, and whether an operator has replayed it.</summary>
public sealed record DeadLetter(
    long Id, string Consumer, EventStream Stream, long Sequence, string EventType, string Error, int Attempts,
    DateTimeOffset FailedAt, DateTimeOffset? ReplayedAt);
