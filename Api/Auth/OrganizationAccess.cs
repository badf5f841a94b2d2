using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Auth;

/// <summary>
/// Endpoint metadata: the least role a member of the request's organization needs, or null for an
/// endpoint open to everyone (guests searching and booking).
/// </summary>
public sealed record OrganizationAccess(Role? MinimumRole)
{
    public const string Policy = "organization-member";

    public static readonly OrganizationAccess Public = new((Role?)null);
}
