using Actors.Grains.Abstractions.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Actors.Api.Auth;

/// <summary>
/// Who may call what under /api/orgs, in one table, applied to every endpoint of the group when the
/// app starts, so a new endpoint is protected without anyone remembering to: reads need staff,
/// changes need a manager, unless a rule below says otherwise.
/// </summary>
public static class AccessRules
{
    private const string Org = "/api/orgs/{org}";

    /// <summary>(method, route template) to access; "*" matches any method, a trailing "/**" any deeper route.</summary>
    private static readonly (string Method, string Route, OrganizationAccess Access)[] Rules =
    [
        // The guest's booking page: search, price, the property's public face, and the hold itself.
        ("GET", Org + "/properties/{property}", OrganizationAccess.Public),
        ("GET", Org + "/properties/{property}/availability", OrganizationAccess.Public),
        ("GET", Org + "/properties/{property}/quote", OrganizationAccess.Public),
        ("POST", Org + "/bookings", OrganizationAccess.Public),

        // The booking page counts a visit the guest agreed to count, and its steps; nothing of a visit is read back there.
        ("POST", Org + "/properties/{property}/visits", OrganizationAccess.Public),
        ("POST", Org + "/properties/{property}/visits/{visit}/steps", OrganizationAccess.Public),

        // A guest pays for the hold they just made; cancelling with a refund stays with the desk.
        ("POST", Org + "/bookings/{booking}/payment", OrganizationAccess.Public),
        ("GET", Org + "/bookings/{booking}/payment", OrganizationAccess.Public),

        // Front desk and housekeeping.
        ("PUT", Org + "/properties/{property}/rooms/{room}/housekeeping", new(Role.Staff)),
        ("POST", Org + "/bookings/{booking}/check-in", new(Role.Staff)),
        ("POST", Org + "/bookings/{booking}/check-out", new(Role.Staff)),
        ("POST", Org + "/bookings/{booking}/no-show", new(Role.Staff)),

        // Revenue figures are for the people who run the hotel, not every member of staff.
        ("GET", Org + "/properties/{property}/figures", new(Role.Manager)),
        ("GET", Org + "/properties/{property}/figures.csv", new(Role.Manager)),

        // The funnel and its A/B tests are the managers'; a visit's details are personal data, and forgetting them all is the owner's call.
        ("GET", Org + "/properties/{property}/funnel", new(Role.Manager)),
        ("GET", Org + "/properties/{property}/funnel.csv", new(Role.Manager)),
        ("*", Org + "/properties/{property}/ab-tests/**", new(Role.Manager)),
        ("GET", Org + "/properties/{property}/visits/{visit}", new(Role.Manager)),
        ("DELETE", Org + "/properties/{property}/visits", new(Role.Owner)),

        // The organization itself: its plan, who belongs, and the record of what everyone did.
        ("PUT", Org + "/plan", new(Role.Owner)),
        ("*", Org + "/members/**", new(Role.Owner)),
        ("*", Org + "/invitations/**", new(Role.Owner)),
        ("*", Org + "/audit/**", new(Role.Owner)),
        ("*", Org + "/webhooks/**", new(Role.Owner)),
        ("GET", Org + "/export", new(Role.Owner)),
        ("POST", Org + "/import", new(Role.Owner)),
        ("*", Org + "/subscription/**", new(Role.Owner)),
        ("*", Org + "/billing/**", new(Role.Owner)),
        ("*", Org + "/stripe-account/**", new(Role.Owner)),
    ];

    /// <summary>Adds the access of each /api/orgs endpoint as metadata; POST /api/orgs only needs a signed-in account.</summary>
    public static void Apply(EndpointBuilder builder)
    {
        if (builder is not RouteEndpointBuilder route)
        {
            return;
        }

        if (route.RoutePattern.GetParameter("org") is null)
        {
            builder.Metadata.Add(new AuthorizeAttribute());
            return;
        }

        var methods = builder.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        var access = methods.Count == 0 ? new OrganizationAccess(Role.Manager) : methods.Select(m => For(m, route.RoutePattern)).MaxBy(a => a.MinimumRole ?? 0)!;
        builder.Metadata.Add(access);
        builder.Metadata.Add(access.MinimumRole is null ? new AllowAnonymousAttribute() : new AuthorizeAttribute(OrganizationAccess.Policy));
    }

    public static OrganizationAccess For(string method, RoutePattern pattern)
    {
        var template = "/" + string.Join('/', pattern.PathSegments.Select(Segment));
        foreach (var (ruleMethod, ruleRoute, access) in Rules)
        {
            var routeMatches = ruleRoute.EndsWith("/**", StringComparison.Ordinal)
                ? template == ruleRoute[..^3] || template.StartsWith(ruleRoute[..^2], StringComparison.Ordinal)
                : template == ruleRoute;
            if (routeMatches && (ruleMethod == "*" || string.Equals(ruleMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                return access;
            }
        }

        return new OrganizationAccess(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Role.Staff : Role.Manager);
    }

    // Parameters by name only, so "{booking:guid}" or "{org}" spelled with constraints still match the table.
    private static string Segment(RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(p => p switch
        {
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }));
}
