namespace Actors.Runtime;

/// <summary>When a reminder tick was due, its period, and when it actually fired.</summary>
public readonly record struct TickStatus(DateTimeOffset DueTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
