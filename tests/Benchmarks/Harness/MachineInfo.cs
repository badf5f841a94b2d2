using System.Runtime;
using System.Runtime.InteropServices;

namespace Actors.Benchmarks.Harness;

/// <summary>The machine a run measured: without it, figures from two runs cannot be told apart.</summary>
/// <param name="LoadAverage">/proc/loadavg at capture: a busy shared machine explains a slow run.</param>
public sealed record MachineInfo(
    int Cores,
    long MemoryBytes,
    string? Cpu,
    string Os,
    string Runtime,
    bool ServerGc,
    string? LoadAverage)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC,
        ReadLoadAverage());

    public static string? ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static string? CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
