using System.Diagnostics;
using System.Globalization;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// CPU used during a window, in cores: by this process, by the benchmark's PostgreSQL server, and
/// by the whole machine (Linux only), which says whether the database or the application is the
/// limit, and how much of the machine other work took.
/// </summary>
public sealed record CpuUsage(double ProcessCores, double? MachineCores, double? PostgresCores = null)
{
    public static Snapshot Start() => new(Environment.CpuUsage.TotalTime, MachineBusyTicks(), PostgresCpu.Ticks(), Stopwatch.GetTimestamp());

    public readonly record struct Snapshot(TimeSpan ProcessTime, long? MachineBusy, long? PostgresBusy, long Timestamp)
    {
        public CpuUsage Stop()
        {
            var seconds = Stopwatch.GetElapsedTime(Timestamp).TotalSeconds;
            var process = (Environment.CpuUsage.TotalTime - ProcessTime).TotalSeconds / seconds;
            // /proc counts in USER_HZ, 100 per second on every Linux that matters.
            double? machine = MachineBusy is { } before && MachineBusyTicks() is { } after ? (after - before) / 100.0 / seconds : null;
            double? postgres = PostgresBusy is { } pgBefore && PostgresCpu.Ticks() is { } pgAfter ? (pgAfter - pgBefore) / 100.0 / seconds : null;
            return new CpuUsage(Math.Round(process, 2), machine is { } m ? Math.Round(m, 2) : null, postgres is { } p ? Math.Round(p, 2) : null);
        }
    }

    // Busy ticks of all cores: the "cpu" line of /proc/stat minus idle and iowait.
    private static long? MachineBusyTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user]
        return fields.Take(8).Sum() - fields[3] - fields[4];
    }
}
