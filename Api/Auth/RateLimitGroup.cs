namespace Actors.Api.Auth;

/// <summary>Endpoint metadata naming the per-client rate limit an endpoint counts against.</summary>
public sealed record RateLimitGroup(string Name)
{
    public static readonly RateLimitGroup SignIn = new("sign-in");

    public static readonly RateLimitGroup Public = new("public");

    public static readonly RateLimitGroup Member = new("member");
}
