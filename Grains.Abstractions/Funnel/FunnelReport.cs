using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// A property's funnel for the visits that started on the days [From, To]: the steps with drop-off,
/// conversion and revenue by source and by variant, and every counted row (for the CSV).
/// Abandoned visits reached at least "viewed" and had no confirmation within their lifetime.
/// </summary>
[GenerateSerializer, Immutable, Alias("FunnelReport")]
public sealed record FunnelReport(
    DateOnly From,
    DateOnly To,
    string Currency,
    int Sessions,
    int Bookings,
    decimal Revenue,
    int Abandoned,
    IReadOnlyList<StepCount> Steps,
    IReadOnlyList<SourceResult> Sources,
    IReadOnlyList<TestResult> Tests,
    IReadOnlyList<FunnelRow> Rows);
