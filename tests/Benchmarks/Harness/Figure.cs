namespace Actors.Benchmarks.Harness;

/// <summary>
/// One headline number of a scenario: the platform's figure next to the one it is compared with
/// (the conventional baseline, or a reference such as a local call), measured in the same run.
/// </summary>
/// <param name="Measure">What is measured, as the summary table shows it.</param>
/// <param name="Unit">"/s", "ms", "us", "conn/GiB", ...</param>
/// <param name="Baseline">The compared figure; null for a reference with nothing to compare (a ceiling).</param>
/// <param name="HigherIsBetter">True for rates and capacities, false for latencies and costs.</param>
/// <param name="Note">What the reader needs beside the ratio, e.g. the share of the PostgreSQL ceiling.</param>
public sealed record Figure(string Measure, string Unit, double Platform, double? Baseline, bool HigherIsBetter, string? Note = null)
{
    /// <summary>Platform divided by baseline; NaN when there is nothing to divide by.</summary>
    public double Ratio => Baseline is { } b && b != 0 ? Platform / b : double.NaN;

    /// <summary>Which side the ratio favours, or empty when it is within 5% or has no meaning.</summary>
    public string Better => double.IsNaN(Ratio) || Math.Abs(Ratio - 1) < 0.05
        ? ""
        : (Ratio > 1) == HigherIsBetter ? "platform" : "baseline";
}
