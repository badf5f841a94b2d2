using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Members;

/// <summary>
/// Accepts an invitation: a new account gives its name and a password; an existing account gives
/// its current password (the name is then ignored).
/// </summary>
public sealed record AcceptInvitationRequest(string? Name, string? Password)
{
    public string ValidatePassword()
    {
        var errors = new FieldErrors();
        errors.Required(Password, "password");
        errors.ThrowIfAny();
        return Password!;
    }
}
