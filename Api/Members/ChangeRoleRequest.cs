using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Members;

/// <summary>Gives a member another role.</summary>
public sealed record ChangeRoleRequest(Role? Role)
{
    public Role Validate()
    {
        var errors = new FieldErrors();
        if (errors.Required(Role, "role") && !Enum.IsDefined(Role!.Value))
        {
            errors.Add("role", "Use Owner, Manager or Staff.");
        }

        errors.ThrowIfAny();
        return Role!.Value;
    }
}
