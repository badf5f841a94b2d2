using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Members;

/// <summary>Invites the person at email to join with a role (Owner, Manager or Staff).</summary>
public sealed record InviteRequest(string? Email, Role? Role)
{
    public (string Email, Role Role) Validate()
    {
        var errors = new FieldErrors();
        errors.Email(Email, "email");
        if (errors.Required(Role, "role") && !Enum.IsDefined(Role!.Value))
        {
            errors.Add("role", "Use Owner, Manager or Staff.");
        }

        errors.ThrowIfAny();
        return (Emails.Normalize(Email!), Role!.Value);
    }
}
