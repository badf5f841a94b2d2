namespace Actors.Benchmarks.Harness;

/// <summary>What one load did in its measured window.</summary>
/// <param name="AllocatedBytesPerOperation">Bytes allocated by the whole process per operation: the runtime's garbage included.</param>
/// <param name="Gen0Collections">Gen 0 collections during the window.</param>
public sealed record Measurement(
    string Variant,
    int Callers,
    long Operations,
    double Seconds,
    double PerSecond,
    Latency Latency,
    double AllocatedBytesPerOperation,
    int Gen0Collections,
    int Gen2Collections,
    CpuUsage Cpu);
