using System.Security.Cryptography;
using System.Text;

namespace Actors.Api.Auth;

/// <summary>
/// A password reset token: 32 random bytes, base64url (43 characters). Only its SHA-256 is kept, as
/// the key of its reset grain, so a copy of the database opens no account.
/// </summary>
public static class ResetToken
{
    public const int Length = 43;

    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string KeyOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static bool IsWellFormed(string token) =>
        token.Length == Length && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
