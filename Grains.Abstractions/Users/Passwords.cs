using System.Globalization;
using Actors.Grains.Abstractions.Failures;

namespace Actors.Grains.Abstractions.Users;

/// <summary>
/// The password rule: 10 to 256 characters, nothing else (length is what resists guessing; caps on
/// character classes only push people to predictable patterns).
/// </summary>
public static class Passwords
{
    public const int MinLength = 10;
    public const int MaxLength = 256;

    public static void Check(string? password, FieldErrors errors, string field = "password")
    {
        if (errors.Required(password, field) && (password!.Length < MinLength || password.Length > MaxLength))
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Use {MinLength} to {MaxLength} characters."));
        }
    }
}
