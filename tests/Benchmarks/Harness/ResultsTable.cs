using System.Globalization;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// Prints results as Markdown tables, aligned on a console and pasted as is into the README: first
/// the summary (every headline figure, platform next to baseline, with the ratio), then the raw
/// rows of every measured load.
/// </summary>
public static class ResultsTable
{
    private static readonly string[] SummaryHeader = ["scenario", "measure", "platform", "baseline", "ratio", "better", "note"];

    private static readonly string[] DetailHeader =
        ["scenario", "variant", "callers", "ops/s", "p50 us", "p99 us", "alloc B/op", "cpu proc/pg/all", "vs", "ops/s ratio", "p50 ratio"];

    public static void Write(TextWriter output, IReadOnlyList<ScenarioResult> results, IEnumerable<string> notes)
    {
        output.WriteLine("Summary (ratio = platform / baseline, measured together in this run)");
        output.WriteLine();
        WriteTable(output, SummaryHeader, [.. results.SelectMany(r => r.Figures.Select(f => SummaryCells(r, f)))], numericColumns: [2, 3, 4]);
        foreach (var result in results.Where(r => r.Skipped is not null))
        {
            output.WriteLine($"{result.Name}: skipped ({result.Skipped})");
        }

        foreach (var note in notes)
        {
            output.WriteLine($"- {note}");
        }

        output.WriteLine();
        output.WriteLine("Details (one row per measured load)");
        output.WriteLine();
        WriteTable(output, DetailHeader, [.. results.SelectMany(r => r.Rows.Select(row => DetailCells(r, row)))], numericColumns: [2, 3, 4, 5, 6, 7, 9, 10]);
    }

    private static void WriteTable(TextWriter output, string[] header, IReadOnlyList<string[]> rows, int[] numericColumns)
    {
        var lines = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => lines.Max(l => l[c].Length)).ToArray();
        // Numbers align right, words left, as a reader scans them.
        var numeric = Enumerable.Range(0, header.Length).Select(numericColumns.Contains).ToArray();
        string Line(string[] cells) =>
            "| " + string.Join(" | ", cells.Select((cell, c) => numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))) + " |";

        output.WriteLine(Line(lines[0]));
        output.WriteLine("|" + string.Join("|", widths.Select((w, c) => numeric[c] ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(Line(line));
        }
    }

    private static string[] SummaryCells(ScenarioResult result, Figure figure) =>
    [
        result.Name,
        figure.Measure,
        Value(figure.Platform, figure.Unit),
        figure.Baseline is { } baseline ? Value(baseline, figure.Unit) : "",
        figure.Baseline is null ? "" : Ratio(figure.Ratio),
        figure.Better,
        figure.Note ?? "",
    ];

    private static string[] DetailCells(ScenarioResult result, ResultRow row)
    {
        var m = row.Measured;
        return
        [
            result.Name,
            m.Variant,
            Number(m.Callers, "N0"),
            Number(m.PerSecond, "N0"),
            Significant(m.Latency.P50),
            Significant(m.Latency.P99),
            Number(m.AllocatedBytesPerOperation, "N0"),
            string.Join(" / ", new double?[] { m.Cpu.ProcessCores, m.Cpu.PostgresCores, m.Cpu.MachineCores }.Select(c => c is { } v ? Number(v, "0.00") : "-")),
            row.Versus?.Variant ?? "",
            row.Versus is null ? "" : Ratio(row.Versus.ThroughputRatio),
            row.Versus is null ? "" : Ratio(row.Versus.P50Ratio),
        ];
    }

    private static string Value(double value, string unit) => unit switch
    {
        "/s" or "conn/GiB" or "KiB/conn" or "us/op" => Number(value, value < 100 ? "N1" : "N0") + " " + unit,
        _ => Significant(value) + " " + unit,
    };

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    // Three significant digits or whole units, whichever is shorter to read.
    private static string Significant(double value) =>
        Number(value, Math.Abs(value) switch { < 1 => "N3", < 10 => "N2", < 100 => "N1", _ => "N0" });

    // Small ratios read better as "1/250" than as 0.004.
    private static string Ratio(double ratio) => ratio switch
    {
        double.NaN => "n/a",
        < 0.5 => string.Create(CultureInfo.InvariantCulture, $"{ratio:G3}x (1/{1 / ratio:N0})"),
        < 100 => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ratio:N0}x"),
    };
}
