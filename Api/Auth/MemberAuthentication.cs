using System.Text;
using Actors.Api.Boards;
using Actors.Silo.Product;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Api.Auth;

/// <summary>
/// Two ways to be signed in, on ASP.NET Core's own handlers: a JWT bearer token for API clients,
/// and an HttpOnly cookie for the pages. A request with a bearer token (header, or access_token on
/// the board hub) is judged by the token alone; any other by its cookie.
/// </summary>
public static class MemberAuthentication
{
    public const string Scheme = "member";
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;
    public const string Cookie = "cookie";

    public static IServiceCollection AddMemberAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<Sessions>();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", options => options.ForwardDefaultSelector = context => CarriesToken(context) ? Bearer : Cookie)
            .AddJwtBearer(Bearer, options =>
            {
                options.MapInboundClaims = false;
                options.Events = BearerEvents();
            })
            .AddCookie(Cookie, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.Events = CookieEvents();
            });
        services.AddAntiforgery(options => options.HeaderName = CookieChangesNeedAntiforgery.HeaderName);
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<ProductOptions>>((options, product) => options.Cookie.Name = CookieName(product.Value.Name, "antiforgery"));
        services.AddOptions<JwtBearerOptions>(Bearer)
            .Configure<AccessTokens>((options, tokens) => options.TokenValidationParameters = tokens.ValidationParameters());
        services.AddOptions<CookieAuthenticationOptions>(Cookie)
            .Configure<IOptions<AuthOptions>, IOptions<TenancyOptions>, IOptions<ProductOptions>>((options, auth, tenancy, product) =>
            {
                options.Cookie.Name = CookieName(product.Value.Name, "session");
                // On the base domain, so every organization's subdomain shares the one sign-in.
                options.Cookie.Domain = auth.Value.CookieDomain ?? tenancy.Value.BaseHost;
                options.ExpireTimeSpan = auth.Value.TokenLifetime;
            });
        return services;
    }

    /// <summary>"actors-stays.session": named after the product, as products on one host (other ports) see each other's cookies.</summary>
    public static string CookieName(string product, string purpose)
    {
        var name = new StringBuilder();
        foreach (var c in product.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return $"{name.ToString().Trim('-')}.{purpose}";
    }

    private static bool CarriesToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (context.Request.Path.StartsWithSegments(BoardEndpoints.HubPath) && context.Request.Query.ContainsKey("access_token"));

    private static JwtBearerEvents BearerEvents() => new()
    {
        // Browsers cannot set headers on WebSockets, so SignalR clients send the token in the query.
        OnMessageReceived = context =>
        {
            if (context.Request.Path.StartsWithSegments(BoardEndpoints.HubPath) && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
            {
                context.Token = token;
            }

            return Task.CompletedTask;
        },
        OnTokenValidated = async context =>
        {
            if (!await context.HttpContext.RequestServices.GetRequiredService<Sessions>().IsCurrentAsync(context.Principal))
            {
                Unauthorized.Explain(context.HttpContext, Sessions.Ended);
                context.Fail(Sessions.Ended);
            }
        },
        OnAuthenticationFailed = context =>
        {
            if (context.Exception is SecurityTokenExpiredException)
            {
                Unauthorized.Explain(context.HttpContext, "The token has expired; sign in again.");
            }
            else if (context.Exception.Message != Sessions.Ended)
            {
                Unauthorized.Explain(context.HttpContext, "The token is not one this service issued.");
            }

            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            await Unauthorized.WriteAsync(context.HttpContext, "Bearer");
        },
    };

    private static CookieAuthenticationEvents CookieEvents() => new()
    {
        OnValidatePrincipal = async context =>
        {
            if (!await context.HttpContext.RequestServices.GetRequiredService<Sessions>().IsCurrentAsync(context.Principal))
            {
                Unauthorized.Explain(context.HttpContext, Sessions.Ended);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Cookie);
            }
        },
        // An API answers, it does not redirect to a sign-in page: the pages show their own form on 401.
        OnRedirectToLogin = context => Unauthorized.WriteAsync(context.HttpContext, challenge: null),
        OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        },
    };
}
