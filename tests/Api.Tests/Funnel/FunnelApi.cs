namespace Actors.Api.Tests.Funnel;

/// <summary>The app with visits abandoned two seconds after their last step, so a test can wait for it.</summary>
public sealed class FunnelApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Funnel:VisitLifetime"] = "00:00:02" };
}
