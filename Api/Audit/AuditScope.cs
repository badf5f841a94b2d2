namespace Actors.Api.Audit;

/// <summary>
/// Names the organization a change belongs to when the route does not (sign-up, accepting an
/// invitation, opening an organization), so the audit filter can file it there.
/// </summary>
public static class AuditScope
{
    private const string Key = "audit-organization";

    public static void Set(HttpContext context, string organization) => context.Items[Key] = organization;

    public static string? Get(HttpContext context) => context.Items[Key] as string;
}
