namespace Actors.Api.Audit;

/// <summary>
/// What a handler tells the audit filter that the route cannot: the organization a change belongs to
/// when the route does not name it (sign-up, accepting an invitation, opening an organization), the
/// id of what it created (a new booking's id is in no route), and that the change is already filed:
/// its entry committed with it (a hold), or the answer repeats an earlier request's (an
/// Idempotency-Key replay), which was filed when it was made.
/// </summary>
public static class AuditScope
{
    private const string Key = "audit-organization";
    private const string IdsKey = "audit-ids";
    private const string FiledKey = "audit-filed";

    public static void Set(HttpContext context, string organization) => context.Items[Key] = organization;

    public static string? Get(HttpContext context) => context.Items[Key] as string;

    public static void Name(HttpContext context, string name, string id)
    {
        if (context.Items[IdsKey] is not Dictionary<string, string> ids)
        {
            context.Items[IdsKey] = ids = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        ids[name] = id;
    }

    public static IReadOnlyDictionary<string, string> NamedIds(HttpContext context) =>
        context.Items[IdsKey] as Dictionary<string, string> ?? [];

    public static void Filed(HttpContext context) => context.Items[FiledKey] = true;

    public static bool IsFiled(HttpContext context) => context.Items.ContainsKey(FiledKey);
}
