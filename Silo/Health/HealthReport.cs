namespace Actors.Silo.Health;

/// <summary>A node's readiness; <paramref name="DeadLetters"/> counts events consumers gave up on that wait for an operator's replay.</summary>
public sealed record HealthReport(string Status, string? Storage, long? DeadLetters = null);
