using System.Security.Claims;
using System.Text.Encodings.Web;
using Actors.Api.Boards;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>
/// Reads "Authorization: Bearer {token}", or the access_token query parameter on the board hub,
/// because browsers cannot set headers on WebSockets and SignalR clients send it there.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string ProblemKey = "auth-problem";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Path.StartsWithSegments(BoardEndpoints.HubPath) && Request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            token = query;
        }

        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!tokens.TryRead(token, out var email, out var problem))
        {
            Context.Items[ProblemKey] = problem;
            return Task.FromResult(AuthenticateResult.Fail(problem));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, email), new Claim(ClaimTypes.Email, email)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
            detail: Context.Items[ProblemKey] as string ?? "Sign in first: POST /api/sign-in, then send 'Authorization: Bearer {token}'.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: ProblemTypes.TitleOf("unauthorized"),
            type: ProblemTypes.For("unauthorized")).ExecuteAsync(Context);
    }
}
