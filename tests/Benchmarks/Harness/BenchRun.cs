namespace Actors.Benchmarks.Harness;

/// <summary>Everything the results file holds: one run, where and when it was measured, and every figure.</summary>
/// <param name="Commit">git rev-parse HEAD, with "-dirty" when the tree had uncommitted changes.</param>
public sealed record BenchRun(
    int SchemaVersion,
    DateTimeOffset Started,
    double Seconds,
    string Commit,
    MachineInfo Machine,
    string? LoadAverageAtEnd,
    BenchSettings Settings,
    IReadOnlyList<ScenarioResult> Scenarios);
