using System.Globalization;

namespace Actors.Benchmarks.Harness;

/// <summary>Prints results as a Markdown table: aligned on a console, pasted as is into the README.</summary>
public static class ResultsTable
{
    private static readonly string[] Header =
        ["scenario", "variant", "callers", "ops/s", "p50 us", "p99 us", "alloc B/op", "cpu proc/all", "vs", "ops/s ratio", "p50 ratio"];

    public static void Write(TextWriter output, IEnumerable<ScenarioResult> results)
    {
        var lines = new List<string[]> { Header };
        var skipped = new List<string>();
        foreach (var result in results)
        {
            if (result.Skipped is { } reason)
            {
                skipped.Add($"{result.Name}: skipped ({reason})");
                continue;
            }

            lines.AddRange(result.Rows.Select(row => Cells(result, row)));
        }

        var widths = Enumerable.Range(0, Header.Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        // Numbers align right, words left, as a reader scans them.
        var numeric = Header.Select(h => h is not ("scenario" or "variant" or "vs")).ToArray();
        string Line(string[] cells) =>
            "| " + string.Join(" | ", cells.Select((cell, c) => numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))) + " |";

        output.WriteLine(Line(lines[0]));
        output.WriteLine("|" + string.Join("|", widths.Select((w, c) => numeric[c] ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(Line(line));
        }

        foreach (var line in skipped)
        {
            output.WriteLine(line);
        }
    }

    private static string[] Cells(ScenarioResult result, ResultRow row)
    {
        var m = row.Measured;
        return
        [
            result.Name,
            m.Variant,
            Number(m.Callers, "N0"),
            Number(m.PerSecond, "N0"),
            Micros(m.Latency.P50),
            Micros(m.Latency.P99),
            Number(m.AllocatedBytesPerOperation, "N0"),
            m.Cpu.MachineCores is { } all ? Number(m.Cpu.ProcessCores, "0.00") + " / " + Number(all, "0.00") : Number(m.Cpu.ProcessCores, "0.00"),
            row.Versus?.Variant ?? "",
            row.Versus is null ? "" : Ratio(row.Versus.ThroughputRatio),
            row.Versus is null ? "" : Ratio(row.Versus.P50Ratio),
        ];
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    // Three significant digits or whole microseconds, whichever is shorter to read.
    private static string Micros(double value) => Number(value, value switch { < 1 => "N3", < 10 => "N2", < 100 => "N1", _ => "N0" });

    // Small ratios read better as "1/250" than as 0.004.
    private static string Ratio(double ratio) => ratio switch
    {
        double.NaN => "n/a",
        < 0.5 => string.Create(CultureInfo.InvariantCulture, $"{ratio:G3}x (1/{1 / ratio:N0})"),
        < 100 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ratio:N0}x"),
    };
}
