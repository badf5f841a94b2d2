using Actors.Grains.Abstractions.Users;
using Orleans;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Auth;

/// <summary>
/// The pages' sign-in: a cookie instead of a token, the antiforgery token their changes carry, and
/// signing out of this browser or of every browser and client at once.
/// </summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignInAsync)
            .WithMetadata(RateLimitGroup.SignIn)
            .AllowAnonymous()
            .WithSummary("Signs a browser in with email and password: sets the HttpOnly sign-in cookie the pages use (API clients use POST /api/sign-in).");
        // As a Delegate, so its NoContent is written, not taken for a RequestDelegate.
        api.MapDelete("/session", (Delegate)SignOutAsync)
            .AllowAnonymous()
            .WithSummary("Signs this browser out.");
        api.MapPost("/sign-out-everywhere", SignOutEverywhereAsync)
            .RequireAuthorization()
            .WithSummary("Ends every session of the signed-in account: every cookie and bearer token issued to it stops working at once, on every node.");
        api.MapGet("/antiforgery", Antiforgery)
            .AllowAnonymous()
            .WithSummary("The antiforgery token a page sends as X-CSRF-TOKEN with every change made with its sign-in cookie.");
        return api;
    }

    private static async Task<Ok<UserView>> SignInAsync(SignInRequest request, IGrainFactory grains, HttpContext context)
    {
        var (email, password) = request.Validate();
        var key = Emails.Normalize(email);
        var user = grains.GetGrain<IUserGrain>(key);
        var account = await AccountsApi.SignInOrExplain(user, password, context);
        // Not persistent: the cookie ends with the browser, so closing it on a shared front-desk computer signs out.
        await context.SignInAsync(MemberAuthentication.Cookie, Claims.Principal(key, await user.SessionStamp(), MemberAuthentication.Cookie));
        return TypedResults.Ok(account);
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(MemberAuthentication.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutEverywhereAsync(HttpContext context, IGrainFactory grains)
    {
        await grains.GetGrain<IUserGrain>(Claims.EmailOf(context.User)!).EndAllSessions();
        await context.SignOutAsync(MemberAuthentication.Cookie);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryToken> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!));
    }
}
