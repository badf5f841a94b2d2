namespace Actors.Api.Tests.Funnel;

/// <summary>The app keeping a visit's details three seconds, looking every second for visits to forget.</summary>
public sealed class ShortRetentionApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Funnel:VisitLifetime"] = "00:00:01",
        ["Funnel:VisitRetention"] = "00:00:03",
        ["Funnel:RetentionSweep"] = "00:00:01",
    };
}
