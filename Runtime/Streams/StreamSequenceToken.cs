namespace Actors.Runtime.Streams;

/// <summary>Where an item sits in its stream; for the durable event log, its per-stream sequence number.</summary>
public sealed record StreamSequenceToken(long SequenceNumber);
