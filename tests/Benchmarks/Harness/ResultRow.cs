namespace Actors.Benchmarks.Harness;

/// <summary>One measured variant, compared with an earlier variant of its scenario when it names one.</summary>
public sealed record ResultRow(Measurement Measured, Comparison? Versus)
{
    public static ResultRow Compare(Measurement measured, Measurement? baseline) => new(
        measured,
        baseline is null
            ? null
            : new Comparison(
                baseline.Variant,
                measured.PerSecond / baseline.PerSecond,
                baseline.Latency.P50 == 0 ? double.NaN : measured.Latency.P50 / baseline.Latency.P50));
}

/// <param name="ThroughputRatio">This variant's operations per second divided by the baseline's.</param>
/// <param name="P50Ratio">This variant's median latency divided by the baseline's.</param>
public sealed record Comparison(string Variant, double ThroughputRatio, double P50Ratio);
