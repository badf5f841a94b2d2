using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// PostgreSQL's own load tool, when installed (it ships with the server package): the database's
/// ceiling with a lean C client, as a check that the Npgsql loop measures the server, not itself.
/// </summary>
public static partial class PgBench
{
    private const string Table = "pgbench_stays";

    /// <summary>Single-row inserts into a stays table with the exclusion constraint; transactions per second, or null without pgbench.</summary>
    public static async Task<double?> InsertStaysAsync(string connectionString, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (Find() is not { } pgbench)
        {
            return null;
        }

        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var sql = NpgsqlDataSource.Create(connectionString))
        await using (var create = sql.CreateCommand(Scenarios.BookingManyRoomsScenario.CeilingSchema(Table) + $"DROP SEQUENCE IF EXISTS {Table}_seq; CREATE SEQUENCE {Table}_seq;"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var script = Path.Combine(Path.GetTempPath(), $"bench-pgbench-{Environment.ProcessId}.sql");
        // A sequence hands out unique (room, night) pairs, so no insert ever hits the constraint.
        await File.WriteAllTextAsync(script, $"""
            INSERT INTO {Table} (room_key, booking_id, nights, kind, hold_until)
            SELECT 'bench/hotel/r' || (n % 200), 'b' || n, daterange(DATE '2030-01-01' + (n / 200)::int, DATE '2030-01-01' + (n / 200)::int + 1), 'Hold', now() + interval '16 minutes'
            FROM (SELECT nextval('{Table}_seq') AS n) AS next;
            """, cancellationToken);
        try
        {
            var start = new ProcessStartInfo(pgbench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "-n", "-M", "prepared", "-c", $"{clients}", "-j", $"{Environment.ProcessorCount}",
                "-T", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}", "-f", script,
                "-h", connection.Host!, "-p", $"{connection.Port}", "-U", connection.Username!, connection.Database!,
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PGPASSWORD"] = connection.Password ?? "";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var match = Tps().Match(await output);
            return match.Success
                ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench gave no tps (exit {process.ExitCode}): {await errors}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string? Find() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists)
            : null;

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
