using Microsoft.AspNetCore.Authorization;

namespace Actors.Api.Auth;

/// <summary>Marks the policy whose role comes from the endpoint's <see cref="OrganizationAccess"/>.</summary>
public sealed class OrganizationRoleRequirement : IAuthorizationRequirement;
