namespace Actors.Api.Tests;

/// <summary>The app with a small per-account limit for members: 30 requests a minute.</summary>
public sealed class MemberRateLimitsApi : ApiFixture
{
    public const int MemberLimit = 30;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Member:PermitLimit"] = MemberLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
