using Actors.Grains.Abstractions.Organizations;
using Orleans;
using Microsoft.AspNetCore.Authorization;

namespace Actors.Api.Auth;

/// <summary>
/// The member check: the signed-in account must belong to the request's resolved organization with
/// at least the endpoint's role. Asked of the organization grain on every request, so removing a
/// member or lowering a role takes effect at once, on every node.
/// </summary>
public sealed class OrganizationRoleHandler(IGrainFactory grains) : AuthorizationHandler<OrganizationRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationRoleRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Claims.EmailOf(context.User) is not { } email)
        {
            return;
        }

        var required = http.GetEndpoint()?.Metadata.GetMetadata<OrganizationAccess>()?.MinimumRole;
        if (Tenant.Of(http) is not { } organization || required is null)
        {
            context.Fail(new AuthorizationFailureReason(this, "This request names no organization."));
            return;
        }

        var role = await grains.GetGrain<IOrganizationGrain>(organization).RoleOf(email);
        if (role is null)
        {
            context.Fail(new AuthorizationFailureReason(this, $"You are not a member of '{organization}'."));
        }
        else if (role < required)
        {
            context.Fail(new AuthorizationFailureReason(this, $"Your role in '{organization}' is {role}; this needs {required} or above."));
        }
        else
        {
            context.Succeed(requirement);
        }
    }
}
