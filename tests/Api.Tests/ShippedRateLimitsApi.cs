using Actors.Api.Security;

namespace Actors.Api.Tests;

/// <summary>The app with the rate limits it ships with, not the test suite's unlimited ones.</summary>
public sealed class ShippedRateLimitsApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var shipped = new RateLimitOptions();
            return new Dictionary<string, string?>
            {
                ["RateLimits:SignIn:PermitLimit"] = shipped.SignIn.PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimits:Public:PermitLimit"] = shipped.Public.PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimits:Member:PermitLimit"] = shipped.Member.PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }
}
