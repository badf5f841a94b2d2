namespace Actors.Api.Tests;

/// <summary>The app with small per-client limits: 3 sign-ins and 5 guest requests a minute; CORS open to one origin.</summary>
public sealed class TightRateLimitsApi : ApiFixture
{
    public const string AllowedOrigin = "https://book.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:PermitLimit"] = "3",
        ["RateLimits:Public:PermitLimit"] = "5",
        ["Cors:Origins:0"] = AllowedOrigin,
    };
}
