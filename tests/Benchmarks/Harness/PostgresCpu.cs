using System.Globalization;

namespace Actors.Benchmarks.Harness;

/// <summary>
/// CPU used by the benchmark's PostgreSQL server (the postmaster and all its backends), read from
/// /proc, so a figure can say whether the database or the application spent the machine's cores.
/// </summary>
public static class PostgresCpu
{
    private static readonly Lazy<int?> Postmaster = new(Find);

    /// <summary>Busy ticks (USER_HZ) of the server so far, or null when it is not a local process.</summary>
    public static long? Ticks()
    {
        if (Postmaster.Value is not { } pid)
        {
            return null;
        }

        try
        {
            // Backends that exited are in the postmaster's cutime/cstime; live ones are counted one by one.
            var total = Fields(pid) is { } own ? own[13] + own[14] + own[15] + own[16] : 0;
            foreach (var child in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => d!.All(char.IsAsciiDigit)))
            {
                if (Fields(int.Parse(child!, CultureInfo.InvariantCulture)) is { } f && f[3] == pid)
                {
                    total += f[13] + f[14];
                }
            }

            return total;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The postmaster listening on the port of ConnectionStrings__Postgres, if it runs on this machine.
    private static int? Find()
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (connectionString is null || !Directory.Exists("/proc"))
        {
            return null;
        }

        var port = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Port.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (arguments.Length > 2 && arguments[0].EndsWith("/postgres", StringComparison.Ordinal)
                    && arguments.Zip(arguments.Skip(1)).Any(a => a.First == "-p" && a.Second == port))
                {
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return null;
    }

    // /proc/pid/stat with the fields after the command name, numbered as in proc(5) minus one (ppid at 3, utime at 13).
    private static long[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return [0, 0, .. rest.Take(16).Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var v) ? v : 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
