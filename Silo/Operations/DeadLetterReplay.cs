namespace Actors.Silo.Operations;

/// <summary>What a replay did with one dead letter: "applied", or "already-applied" when the consumer had it already.</summary>
public sealed record DeadLetterReplay(long Id, string Consumer, string Stream, long Sequence, string Outcome);
