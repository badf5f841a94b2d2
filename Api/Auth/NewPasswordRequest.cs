using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Auth;

/// <summary>Sets a new password with the token of a mailed reset link.</summary>
public sealed record NewPasswordRequest(string? Token, string? Password)
{
    public (string Token, string Password) Validate()
    {
        var errors = new FieldErrors();
        if (errors.Required(Token, "token") && !ResetToken.IsWellFormed(Token!))
        {
            errors.Add("token", "Not a reset link's token: copy the whole link from the mail.");
        }

        Passwords.Check(Password, errors);
        errors.ThrowIfAny();
        return (Token!, Password!);
    }
}
