using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Auth;

/// <summary>Asks for a link that sets a new password, mailed to the account at email (if there is one).</summary>
public sealed record PasswordResetRequest(string? Email)
{
    public string Validate()
    {
        var errors = new FieldErrors();
        errors.Email(Email, "email");
        errors.ThrowIfAny();
        return Emails.Normalize(Email!);
    }
}
