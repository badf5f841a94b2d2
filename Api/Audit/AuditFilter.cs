using Actors.Api.Auth;
using Actors.Grains.Abstractions.Audit;

namespace Actors.Api.Audit;

/// <summary>
/// Files every change that succeeded (a non-GET answered 2xx) in its organization's audit log, before
/// the answer leaves, so a client that saw the success can read the entry. Registered outside
/// DomainProblemFilter, so a refusal turned into a problem is seen as the 4xx it is.
/// </summary>
public sealed class AuditFilter(AuditTrail trail, TimeProvider time) : IEndpointFilter
{
    public const string Guest = "guest";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return result;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        if (status is < 200 or > 299 || AuditScope.IsRepeat(http) || (AuditScope.Get(http) ?? Tenant.Of(http)) is not { } organization)
        {
            return result;
        }

        var entry = new AuditEntry(
            organization,
            Claims.EmailOf(http.User) ?? Guest,
            method,
            Route(http),
            Ids(http),
            status,
            time.GetUtcNow(),
            http.Connection.RemoteIpAddress?.ToString(),
            Truncate(http.Request.Headers.UserAgent.ToString(), 300));
        await trail.FileAsync(entry);
        return result;
    }

    private static Dictionary<string, string> Ids(HttpContext http)
    {
        var ids = http.Request.RouteValues.Where(v => v.Value is string).ToDictionary(v => v.Key, v => Redact(v.Key, (string)v.Value!), StringComparer.Ordinal);
        foreach (var (name, id) in AuditScope.NamedIds(http))
        {
            ids[name] = id;
        }

        return ids;
    }

    private static string Route(HttpContext http)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.ToString();
        return route.Length > 1 ? route.TrimEnd('/') : route;
    }

    // Invitation tokens and guests' private links are credentials: the log keeps only the part before the secret.
    private static string Redact(string name, string value) =>
        name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            ? (value.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot ? value[..dot] + ".***" : "***")
            : value;

    private static string? Truncate(string value, int max) => value.Length == 0 ? null : value.Length <= max ? value : value[..max];
}
