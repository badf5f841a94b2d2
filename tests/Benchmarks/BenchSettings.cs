using System.Globalization;
using System.Text.Json.Serialization;

namespace Actors.Benchmarks;

/// <summary>How long each load runs, which scenarios run, and where results go; from the command line.</summary>
public sealed record BenchSettings
{
    public const string Usage = """
        usage: Actors.Benchmarks [--quick] [--warmup SECONDS] [--measure SECONDS] [--rounds N] [--filter TEXT] [--out FILE]
          --quick            smoke run (~1 min): short warm-up and measurement, fewer grains and clients, one 2-silo cluster
          --warmup SECONDS   warm-up before each measured load (default 1.5)
          --measure SECONDS  measured time of each load (default 6)
          --rounds N         windows the measured time is cut into, interleaved across loads (default 3)
          --filter TEXT      only scenarios whose name contains TEXT; comma-separated for several
                             (e.g. booking,board); names: local-calls, persisted-writes, booking-many-rooms,
                             booking-hot-room, availability, board-latency, idle-connections, silos, remote-calls
          --out FILE         results file (default artifacts/bench/results.json)
        PostgreSQL scenarios use ConnectionStrings__Postgres and are skipped without it.
        """;

    public bool Quick { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Measured time of each load, over all its rounds.</summary>
    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How many windows each load's measured time is cut into, interleaved with the other loads'.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>
    /// Warm-up of the booking loads that start the platform's and the baseline's HTTP code. A hold runs through tens of thousands of methods (ASP.NET Core,
    /// Orleans, Npgsql) that the JIT compiles, instruments and recompiles for the best part of a
    /// minute: with the default warm-up the measured windows paid for that (a third of the process's
    /// CPU in a profile), which a server that runs for days never does.
    /// </summary>
    public TimeSpan BookingWarmup => Quick ? Warmup : TimeSpan.FromTicks(Math.Max(Warmup.Ticks, TimeSpan.FromSeconds(10).Ticks));

    public string? Filter { get; init; }

    public string Output { get; init; } = Path.Combine("artifacts", "bench", "results.json");

    // Never written to the results file: it may carry a password.
    [JsonIgnore]
    public string? ConnectionString { get; init; }

    /// <summary>How many distinct grains (and rows) a load spreads over.</summary>
    public int Grains => Quick ? 200 : 1000;

    /// <summary>Concurrent HTTP clients of the booking loads.</summary>
    public int HttpClients => 32;

    /// <summary>Rooms of the property the booking and availability loads use (the 200-room property).</summary>
    public int Rooms => 200;

    /// <summary>Board clients connected to one node while bookings are made.</summary>
    public int BoardClients => Quick ? 100 : 1000;

    /// <summary>Idle board connections opened on one node to measure memory per connection.</summary>
    public int IdleConnections => Quick ? 300 : 4000;

    /// <summary>Cluster sizes measured side by side; a smoke run starts one cluster of two.</summary>
    public IReadOnlyList<int> SiloCounts => Quick ? [2] : [1, 2, 3];

    /// <summary>A hard stop for the whole run, so a wedged load cannot hold a shared machine.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(13);

    public bool Selects(string scenario) =>
        Filter is null || Filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(f => scenario.Contains(f, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null (after printing why) when the arguments make no sense.</summary>
    public static BenchSettings? Parse(string[] args, TextWriter errors)
    {
        var settings = new BenchSettings
        {
            ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } cs ? cs : null,
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture));
            try
            {
                settings = args[i] switch
                {
                    "--quick" => settings with { Quick = true, Warmup = TimeSpan.FromSeconds(0.3), Measure = TimeSpan.FromSeconds(1), Rounds = 2 },
                    "--warmup" => settings with { Warmup = Seconds() },
                    "--measure" => settings with { Measure = Seconds() },
                    "--rounds" => settings with { Rounds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--filter" => settings with { Filter = Value() },
                    "--out" => settings with { Output = Value() },
                    "-h" or "--help" => throw new FormatException(string.Empty),
                    _ => throw new FormatException($"unknown argument {args[i]}"),
                };
            }
            catch (FormatException e)
            {
                if (e.Message.Length > 0)
                {
                    errors.WriteLine(e.Message);
                }

                errors.WriteLine(Usage);
                return null;
            }
        }

        if (settings.Rounds < 1 || settings.Measure <= TimeSpan.Zero || settings.Warmup < TimeSpan.Zero)
        {
            errors.WriteLine("--rounds must be at least 1, --measure above 0 and --warmup not negative");
            errors.WriteLine(Usage);
            return null;
        }

        return settings;
    }
}
