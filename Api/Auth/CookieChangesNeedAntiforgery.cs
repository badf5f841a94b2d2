using Actors.Api.Problems;
using Microsoft.AspNetCore.Antiforgery;

namespace Actors.Api.Auth;

/// <summary>
/// A change to the API made with the sign-in cookie must carry the page's antiforgery token: a
/// browser sends the cookie with a request another site makes it send, never the token. Bearer
/// tokens are never sent by a browser on its own, so their requests need none.
/// </summary>
public sealed class CookieChangesNeedAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: MemberAuthentication.Cookie }
            && context.Request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await TypedResults.Problem(
                detail: $"A change made with the sign-in cookie must carry the page's antiforgery token in {HeaderName} (GET /api/antiforgery); reload the page and try again.",
                statusCode: StatusCodes.Status403Forbidden,
                title: ProblemTypes.TitleOf("antiforgery"),
                type: ProblemTypes.For("antiforgery")).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
