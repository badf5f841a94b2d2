using System.Security.Claims;

namespace Actors.Api.Auth;

/// <summary>
/// Who a request is from. Tokens and cookies carry the same two claims under their JWT names (no
/// mapping to the long SOAP-era types): the account's email as "sub" and its session stamp.
/// </summary>
public static class Claims
{
    public const string Account = "sub";

    public const string Session = "session";

    public static string? EmailOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(Account) : null;

    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirstValue(Session);

    public static ClaimsPrincipal Principal(string email, string stamp, string scheme) =>
        new(new ClaimsIdentity([new Claim(Account, email), new Claim(Session, stamp)], scheme, Account, null));
}
