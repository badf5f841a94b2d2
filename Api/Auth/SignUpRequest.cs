using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Auth;

/// <summary>Opens an organization (id, name, plan: free by default) with its owner's account (email, name, password).</summary>
public sealed record SignUpRequest(string? OrganizationId, string? OrganizationName, Plan? Plan, string? Email, string? Name, string? Password)
{
    public void Validate()
    {
        var errors = new FieldErrors();
        errors.Slug(OrganizationId, "organizationId");
        errors.Text(OrganizationName, "organizationName");
        errors.Email(Email, "email");
        errors.Text(Name, "name");
        Passwords.Check(Password, errors);
        errors.ThrowIfAny();
    }
}
