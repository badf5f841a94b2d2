namespace Actors.Runtime;

/// <summary>How a silo joins its cluster, bound from the "Cluster" configuration section.</summary>
public sealed class ClusterOptions
{
    /// <summary>The address other silos use to reach this one.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port; 0 picks a free one.</summary>
    public int SiloPort { get; set; }

    /// <summary>False for an API node that joins as a client: it routes calls but hosts no grains.</summary>
    public bool HostsGrains { get; set; } = true;

    /// <summary>How often this silo proves it is alive.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo silent for this long (by the database's clock) is declared dead by the others.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows of silos that died or left are kept this long for operators, then deleted.</summary>
    public TimeSpan DepartedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the membership table is read for changes.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
