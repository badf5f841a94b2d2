namespace Actors.Persistence.State;

/// <summary>A grain's state as storage holds it: JSON and the version tag.</summary>
public sealed record StoredState(byte[] Payload, string Etag);
