using Orleans;

namespace Actors.Grains.Abstractions.Funnel;

/// <summary>
/// An A/B test's variants. Each variant after the first is compared with the first by a two-proportion
/// z-test of conversion (bookings over sessions, pooled standard error): z and the two-sided p-value.
/// </summary>
[GenerateSerializer, Immutable, Alias("TestResult")]
public sealed record TestResult(string TestId, string Name, string Status, string Significance, IReadOnlyList<VariantResult> Variants);
