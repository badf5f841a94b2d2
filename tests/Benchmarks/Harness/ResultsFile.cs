using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Benchmarks.Harness;

/// <summary>Writes a run as JSON, for comparing runs and commits by machine rather than by eye.</summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A ratio with no meaning (a zero baseline latency) is NaN; JSON has no NaN.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(string path, BenchRun run, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, run, Json, cancellationToken);
    }

    /// <summary>The commit measured, or "unknown" outside a git checkout.</summary>
    public static async Task<string> GitCommitAsync(CancellationToken cancellationToken)
    {
        var head = await GitAsync("rev-parse HEAD", cancellationToken);
        if (head is null)
        {
            return "unknown";
        }

        var changes = await GitAsync("status --porcelain --untracked-files=no", cancellationToken);
        return string.IsNullOrEmpty(changes) ? head : head + "-dirty";
    }

    private static async Task<string?> GitAsync(string arguments, CancellationToken cancellationToken)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await git.StandardOutput.ReadToEndAsync(cancellationToken);
            await git.WaitForExitAsync(cancellationToken);
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
