namespace Actors.Silo.Health;

public sealed record HealthReport(string Status, string? Storage);
