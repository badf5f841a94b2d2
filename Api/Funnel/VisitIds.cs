using System.Security.Cryptography;

namespace Actors.Api.Funnel;

/// <summary>Visit ids: 128 random bits from the server in base64url (22 characters), so a page cannot choose or guess one.</summary>
public static class VisitIds
{
    public const int Length = 22;

    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');
}
