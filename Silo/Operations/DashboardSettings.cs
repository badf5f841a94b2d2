namespace Actors.Silo.Operations;

/// <summary>
/// The "Dashboard" section: Orleans' cluster dashboard (silos, grain counts, call rates) for
/// operators. Every silo profiles its grain calls for it; API nodes serve it at <see cref="Path"/>
/// behind the operator key. Off unless enabled: the profiling filter runs on every grain call, and
/// every node of a cluster must enable it together (a client node reads the silos' figures).
/// </summary>
public sealed class DashboardSettings
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; }

    public string Path { get; set; } = "/dashboard";

    /// <summary>The dashboard's live log stream shows every log line of the silo; off unless asked for.</summary>
    public bool ShowLogStream { get; set; }

    public int CounterUpdateIntervalMs { get; set; } = 1000;

    public static DashboardSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DashboardSettings>() ?? new DashboardSettings();
}
