namespace Actors.Silo.Hosting;

/// <summary>How this node takes part in the cluster, bound from the "Cluster" section.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>False makes an API node an Orleans client: it routes calls to the silos and hosts no grains.</summary>
    public bool HostsGrains { get; set; } = true;

    /// <summary>Orleans' cluster id: the silos and clients that see each other in the membership table.</summary>
    public string ClusterId { get; set; } = "bookings";

    /// <summary>Orleans' service id: grain state and reminders are keyed by it, so it must stay the same across deployments.</summary>
    public string ServiceId { get; set; } = "bookings";

    /// <summary>The address other nodes use to reach this silo.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port; 0 picks a free one (others read it from the membership table).</summary>
    public int SiloPort { get; set; }

    /// <summary>The port clients (API nodes that host no grains) connect to; 0 picks a free one.</summary>
    public int GatewayPort { get; set; }
}
