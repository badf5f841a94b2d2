namespace Actors.Api.Tests;

/// <summary>The app behind a trusted proxy on loopback, with 3 guest requests a minute per client.</summary>
public sealed class BehindProxyApi : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["RateLimits:Public:PermitLimit"] = "3",
    };
}
