using Actors.Api.Problems;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>
/// Resolves the request's organization (header, then subdomain, then path) and refuses, with 403,
/// any request whose sources disagree: a header or subdomain for one organization can never reach
/// another organization's path. Runs before authorization, so the role check sees the resolved one.
/// </summary>
public sealed class TenantResolution(RequestDelegate next, IOptionsMonitor<TenancyOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var named = new List<(string Source, string Organization)>();
        var headers = context.Request.Headers[TenancyOptions.Header];
        if (headers.Count > 0)
        {
            // Two values are two organizations at once: never guess which one was meant.
            named.Add(("header", headers.Count == 1 ? headers[0]?.Trim() ?? "" : string.Join(',', headers.ToArray())));
        }

        if (Subdomain(context.Request.Host.Host, options.CurrentValue) is { } subdomain)
        {
            named.Add(("subdomain", subdomain));
        }

        if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.GetParameter("org") is not null
            && context.Request.RouteValues["org"] is string path)
        {
            named.Add(("path", path));
        }

        var distinct = named.Select(n => n.Organization).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            await TypedResults.Problem(
                detail: $"The request names more than one organization ({string.Join(", ", named.Select(n => $"{n.Source} '{Shorten(n.Organization)}'"))}); they must agree.",
                statusCode: StatusCodes.Status403Forbidden,
                title: ProblemTypes.TitleOf("wrong-organization"),
                type: ProblemTypes.For("wrong-organization")).ExecuteAsync(context);
            return;
        }

        context.Features.Set(named.Count == 0 ? new Tenant(null, null) : new Tenant(named[0].Organization, named[0].Source));
        await next(context);
    }

    /// <summary>"acme" for "acme.bookings.example" when the base host is "bookings.example": exactly one more label.</summary>
    public static string? Subdomain(string host, TenancyOptions options)
    {
        if (string.IsNullOrEmpty(options.BaseHost) || string.IsNullOrEmpty(host))
        {
            return null;
        }

        var baseHost = options.BaseHost.Trim().TrimEnd('.');
        host = host.TrimEnd('.');
        if (!host.EndsWith("." + baseHost, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var label = host[..^(baseHost.Length + 1)].ToLowerInvariant();
        return label.Length == 0 || label.Contains('.', StringComparison.Ordinal) || options.ReservedSubdomains.Contains(label, StringComparer.OrdinalIgnoreCase)
            ? null
            : label;
    }

    private static string Shorten(string value) => value.Length > 64 ? value[..64] + "..." : value;
}
