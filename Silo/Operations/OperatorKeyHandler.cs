using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Actors.Silo.Operations;

/// <summary>
/// Authenticates an operator by the configured key: "Authorization: Basic" with the key as the
/// password, which browsers prompt for, or the X-Operator-Key header that scripts already send.
/// Without a configured key nothing authenticates: operator pages are never open by default.
/// </summary>
public sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";
    private const string Realm = "operators";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (configuration["Operations:Key"] is not { Length: > 0 } expected || Presented() is not { } given)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The operator key is wrong."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator"), new Claim(ClaimTypes.Role, "operator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (string.IsNullOrEmpty(configuration["Operations:Key"]))
        {
            await TypedResults.Problem(
                title: "Operator endpoints are off",
                detail: "Set Operations:Key (environment variable Operations__Key) on this node to use them.",
                statusCode: StatusCodes.Status403Forbidden,
                type: "https://bookings.example/problems/operations-off").ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        await TypedResults.Problem(
            title: "Operator key missing or wrong",
            detail: $"Sign in with the key configured in Operations:Key as the password (any user name), or send it in the {OperatorKeyFilter.Header} header.",
            statusCode: StatusCodes.Status401Unauthorized,
            type: "https://bookings.example/problems/operator-key").ExecuteAsync(Context);
    }

    private string? Presented()
    {
        if (Request.Headers[OperatorKeyFilter.Header].ToString() is { Length: > 0 } header)
        {
            return header;
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
