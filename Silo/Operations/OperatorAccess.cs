using Microsoft.AspNetCore.Authentication;

namespace Actors.Silo.Operations;

/// <summary>
/// The operators' credential for what a browser or a scraper opens (the cluster dashboard, the
/// metrics): the key in "Operations:Key", sent as the password of HTTP Basic (any user name) or in
/// the X-Operator-Key header. It is its own authentication scheme, so an organization member's
/// bearer token is never even looked at there.
/// </summary>
public static class OperatorAccess
{
    public const string Policy = "operator";

    public static IServiceCollection AddOperatorAccess(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyHandler>(OperatorKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(OperatorKeyHandler.SchemeName).RequireAuthenticatedUser());
        return services;
    }
}
