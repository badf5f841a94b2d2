using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;

namespace Actors.Api.Organizations;

/// <summary>Opens an organization; the plan defaults to free.</summary>
public sealed record CreateOrganizationRequest(string? Id, string? Name, Plan? Plan)
{
    public CreateOrganization ToCommand()
    {
        var errors = new FieldErrors();
        errors.Slug(Id, "id");
        errors.Text(Name, "name");
        errors.ThrowIfAny();
        return new CreateOrganization(Name!, Plan ?? Grains.Abstractions.Organizations.Plan.Free);
    }
}
