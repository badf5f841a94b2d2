namespace Actors.Grains.Funnel;

/// <summary>
/// A property's funnel: counts by day, source, medium, campaign and variant (no personal data, kept
/// for good), and the visits and held bookings still being followed (until their retention ends).
/// </summary>
public sealed class VisitFunnelState
{
    public string TimeZone { get; set; } = "UTC";

    public string Currency { get; set; } = "";

    /// <summary>The counts, by <see cref="FunnelCounts.KeyOf"/>.</summary>
    public Dictionary<string, FunnelCounts> Counts { get; set; } = [];

    /// <summary>Visits being followed, by visit id.</summary>
    public Dictionary<string, FunnelVisit> Visits { get; set; } = [];

    /// <summary>Held bookings made in a visit of this property: booking id to visit id.</summary>
    public Dictionary<string, string> Holds { get; set; } = [];

    /// <summary>Whether the reminder that wakes the retention sweep is registered.</summary>
    public bool SweepScheduled { get; set; }
}

/// <summary>A visit the funnel follows: what it counts under, the last step it reached, and its booking.</summary>
public sealed class FunnelVisit
{
    public string Key { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastStepAt { get; set; }

    /// <summary>The last step reached, as its number (0: none yet).</summary>
    public int Reached { get; set; }

    public bool Abandoned { get; set; }

    public string? BookingId { get; set; }

    public decimal Total { get; set; }
}

/// <summary>The counts of one day, source, medium, campaign and variant.</summary>
public sealed class FunnelCounts
{
    public DateOnly Day { get; set; }

    public string Source { get; set; } = "";

    public string Medium { get; set; } = "";

    public string Campaign { get; set; } = "";

    public string TestId { get; set; } = "";

    public string Variant { get; set; } = "";

    public int Sessions { get; set; }

    /// <summary>Visits that reached each step, by the step's number less one.</summary>
    public int[] Reached { get; set; } = new int[6];

    public int Abandoned { get; set; }

    public decimal Revenue { get; set; }

    // UTM values may hold any visible character, so the parts are joined with a control character, which they cannot hold.
    public static string KeyOf(DateOnly day, string source, string medium, string campaign, string testId, string variant) =>
        string.Join('\u001f', day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), source, medium, campaign, testId, variant);
}
