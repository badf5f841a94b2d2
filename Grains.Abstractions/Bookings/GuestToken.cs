using Orleans;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Actors.Grains.Abstractions.Bookings;

/// <summary>
/// The guest's private link to a booking, "org.booking.secret": the first two parts say where the
/// booking lives, the 32 random bytes of the secret are what make the link unguessable. Slugs never
/// contain '.', and base64url never does, so the three parts always split back apart.
/// </summary>
[GenerateSerializer, Immutable, Alias("GuestToken")]
public sealed record GuestToken(string Organization, string BookingId, string Secret)
{
    private const int SecretBytes = 32;

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool TryParse(string? token, out GuestToken parsed)
    {
        parsed = new GuestToken("", "", "");
        var parts = (token ?? "").Split('.');
        if (parts.Length != 3 || !Slug.IsValid(parts[0]) || !Slug.IsValid(parts[1]) || !Base64Url.IsValid(parts[2], out var length) || length != SecretBytes)
        {
            return false;
        }

        parsed = new GuestToken(parts[0], parts[1], parts[2]);
        return true;
    }

    /// <summary>Compares in constant time, so response times say nothing about how much of a guess was right.</summary>
    public static bool SecretsMatch(string expected, string given) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(given));

    public override string ToString() => $"{Organization}.{BookingId}.{Secret}";
}
