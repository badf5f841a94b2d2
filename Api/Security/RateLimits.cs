using System.Globalization;
using System.Threading.RateLimiting;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Actors.Api.Security;

/// <summary>
/// Fixed windows, counted per caller rather than per endpoint group: anonymous callers per client IP
/// (sign-in and sign-up against their own small budget, for password guessing and account spam; the
/// guest endpoints against another, as holds take rooms off sale), signed-in members per account,
/// wherever they call from, so a front desk behind an office's one address neither shares the
/// guests' budget nor a colleague's. Authentication runs first: it only checks a token's signature.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => Valid(o.SignIn) && Valid(o.Public) && Valid(o.Member), "RateLimits: PermitLimit must be at least 1 and Window from 1 second to 1 day.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return (GroupOf(context), Claims.EmailOf(context.User)) switch
                {
                    // Signing in again while signed in is still a password guess: counted per address.
                    ("sign-in", _) => Window("sign-in:" + client, limits.SignIn),
                    (not null, { } member) => Window("member:" + member, limits.Member),
                    ("public", null) => Window("public:" + client, limits.Public),
                    _ => RateLimitPartition.GetNoLimiter(""),
                };
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    detail: $"Too many requests from this {(Claims.EmailOf(context.User) is null ? "address" : "account")}; try again in {seconds} second(s).",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: ProblemTypes.TitleOf("rate-limited"),
                    type: ProblemTypes.For("rate-limited")).ExecuteAsync(context);
            };
        });
        return services;
    }

    /// <summary>
    /// The limit a request counts against: the endpoint's own, else "member" for endpoints that need
    /// an account, else "public" for any /api endpoint open without one (Stripe's webhooks excepted:
    /// Stripe retries on its own schedule). Anonymous calls to member endpoints are refused with 401
    /// before any grain call, so they count against nothing.
    /// </summary>
    public static string? GroupOf(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || !context.Request.Path.StartsWithSegments("/api"))
        {
            return null;
        }

        if (endpoint.Metadata.GetMetadata<RateLimitGroup>() is { } group)
        {
            return group.Name;
        }

        if (context.Request.Path.StartsWithSegments("/api/webhooks"))
        {
            return null;
        }

        var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
        return open ? RateLimitGroup.Public.Name : RateLimitGroup.Member.Name;
    }

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool Valid(WindowLimit limit) => limit.PermitLimit >= 1 && limit.Window >= TimeSpan.FromSeconds(1) && limit.Window <= TimeSpan.FromDays(1);
}
