namespace Actors.Benchmarks.Harness;

/// <summary>
/// A closed-loop load: <see cref="Callers"/> callers, each calling its operation again as soon as
/// the last one completed. <paramref name="CreateCaller"/> builds caller i's operation, so each
/// caller can keep its own cursor over keys without sharing anything with the others.
/// </summary>
/// <param name="Variant">What is measured, as the table shows it.</param>
/// <param name="Versus">The variant of the same scenario this one is compared with, if any.</param>
/// <param name="Prepare">Runs before the warm-up, e.g. to reset rows an earlier load changed.</param>
/// <param name="Warmup">This load's warm-up when it needs another than the run's (see <see cref="BenchSettings.BookingWarmup"/>).</param>
/// <param name="OperationsPerCall">
/// How many operations one call of the delegate performs. Above 1 for operations too short to
/// time one by one (a timestamp costs more than a direct call); latencies are then per-call averages.
/// </param>
public sealed record Load(
    string Variant,
    int Callers,
    Func<int, Func<CancellationToken, ValueTask>> CreateCaller,
    string? Versus = null,
    Func<CancellationToken, Task>? Prepare = null,
    int OperationsPerCall = 1,
    TimeSpan? Warmup = null);
