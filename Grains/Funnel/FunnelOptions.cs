namespace Actors.Grains.Funnel;

/// <summary>The booking funnel's tunables, bound from the "Funnel" configuration section.</summary>
public sealed class FunnelOptions
{
    public const string Section = "Funnel";

    /// <summary>How long a visit's details (landing page, referrer, UTM, device, anonymized IP) are kept; the counts are kept for good.</summary>
    public TimeSpan VisitRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A visit with no confirmation this long after its last step is abandoned.</summary>
    public TimeSpan VisitLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a property's funnel looks for visits whose retention is over.</summary>
    public TimeSpan RetentionSweep { get; set; } = TimeSpan.FromHours(1);
}
