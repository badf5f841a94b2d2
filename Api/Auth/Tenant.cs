namespace Actors.Api.Auth;

/// <summary>
/// The organization a request is for, resolved in a fixed order: the X-Organization header, then the
/// subdomain, then the {org} path segment. Null when the request names none.
/// </summary>
public sealed record Tenant(string? Organization, string? Source)
{
    public static string? Of(HttpContext context) => context.Features.Get<Tenant>()?.Organization;
}
