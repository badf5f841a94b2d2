using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Auth;

/// <summary>Email and password of an account.</summary>
public sealed record SignInRequest(string? Email, string? Password)
{
    public (string Email, string Password) Validate()
    {
        var errors = new FieldErrors();
        errors.Email(Email, "email");
        errors.Required(Password, "password");
        errors.ThrowIfAny();
        return (Email!, Password!);
    }
}
