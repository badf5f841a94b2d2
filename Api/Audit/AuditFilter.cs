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
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || http.GetEndpoint()?.Metadata.GetMetadata<NotAudited>() is not null)
        {
            return result;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        if (status is < 200 or > 299 || AuditScope.IsFiled(http) || Entry(http, status, time.GetUtcNow()) is not { } entry)
        {
            return result;
        }

        await trail.FileAsync(entry);
        return result;
    }

    /// <summary>The entry of a change answered with <paramref name="status"/>, or null when it belongs to no organization.</summary>
    public static AuditEntry? Entry(HttpContext http, int status, DateTimeOffset at) =>
        (AuditScope.Get(http) ?? Tenant.Of(http)) is not { } organization
            ? null
            : new AuditEntry(
                organization,
                Claims.EmailOf(http.User) ?? Guest,
                http.Request.Method,
                Route(http),
                Ids(http),
                status,
                at,
                http.Connection.RemoteIpAddress?.ToString(),
                Truncate(http.Request.Headers.UserAgent.ToString(), 300));

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
