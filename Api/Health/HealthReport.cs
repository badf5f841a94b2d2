namespace Actors.Api.Health;

public sealed record HealthReport(string Status, string? Storage);
