using System.Diagnostics;
using System.Globalization;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// CPU used during a window, in cores: by this process, and by the whole machine (Linux only).
/// The difference is mostly PostgreSQL, which says whether the database or the client is the limit.
/// </summary>
public sealed record CpuUsage(double ProcessCores, double? MachineCores)
{
    public static Snapshot Start() => new(Environment.CpuUsage.TotalTime, MachineBusyTicks(), Stopwatch.GetTimestamp());

    public readonly record struct Snapshot(TimeSpan ProcessTime, long? MachineBusy, long Timestamp)
    {
        public CpuUsage Stop()
        {
            var seconds = Stopwatch.GetElapsedTime(Timestamp).TotalSeconds;
            var process = (Environment.CpuUsage.TotalTime - ProcessTime).TotalSeconds / seconds;
            // /proc/stat counts in USER_HZ, 100 per second on every Linux that matters.
            double? machine = MachineBusy is { } before && MachineBusyTicks() is { } after ? (after - before) / 100.0 / seconds : null;
            return new CpuUsage(Math.Round(process, 2), machine is { } m ? Math.Round(m, 2) : null);
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
