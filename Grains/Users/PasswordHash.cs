using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Grains.Users;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a 16-byte random salt, stored as "pbkdf2-sha256$iterations$salt$hash"
/// (base64), so the iteration count can rise without invalidating older hashes.
/// </summary>
internal static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="password"/> matches; <paramref name="outdated"/> when the hash used another iteration count.</summary>
    public static bool Verify(string password, string stored, int iterations, out bool outdated)
    {
        outdated = false;
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var storedIterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(password, Convert.FromBase64String(parts[2]), storedIterations);
        outdated = storedIterations != iterations;
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Spends the same work as a real check, so an unknown email answers no faster than a wrong password.</summary>
    public static void Waste(string password, int iterations) => Derive(password, new byte[SaltBytes], iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
