using Actors.Api.Problems;

namespace Actors.Api.Auth;

/// <summary>The one 401 answer, whichever way the caller tried to sign in: problem details saying what to do.</summary>
public static class Unauthorized
{
    private const string ReasonKey = "auth-problem";

    public const string SignInFirst = "Sign in first: POST /api/sign-in and send 'Authorization: Bearer {token}', or sign in on a page (POST /api/session).";

    /// <summary>Remembers why a token or cookie was refused, for the answer written later.</summary>
    public static void Explain(HttpContext context, string reason) => context.Items[ReasonKey] = reason;

    public static Task WriteAsync(HttpContext context, string? challenge)
    {
        if (challenge is not null)
        {
            context.Response.Headers.WWWAuthenticate = challenge;
        }

        return TypedResults.Problem(
            detail: context.Items[ReasonKey] as string ?? SignInFirst,
            statusCode: StatusCodes.Status401Unauthorized,
            title: ProblemTypes.TitleOf("unauthorized"),
            type: ProblemTypes.For("unauthorized")).ExecuteAsync(context);
    }
}
