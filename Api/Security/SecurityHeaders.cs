namespace Actors.Api.Security;

/// <summary>
/// Headers on every response, errors included: no MIME sniffing, no framing, no referrer (private
/// links must not leak), and a policy that lets the self-hosted pages load only their own scripts,
/// styles and connections (SignalR included). HSTS only over HTTPS, as browsers ignore it otherwise.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // TryAdd: a page that sets a stricter value of its own keeps it.
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "no-referrer");
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                if (context.Request.IsHttps)
                {
                    headers.TryAdd("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
