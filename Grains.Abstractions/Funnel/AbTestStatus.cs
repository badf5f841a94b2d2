namespace Actors.Grains.Abstractions.Funnel;

/// <summary>An A/B test's lifecycle, as the API spells it.</summary>
public static class AbTestStatus
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Stopped = "stopped";
}
