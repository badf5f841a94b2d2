using System.Security.Cryptography;
using System.Text;
using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Bookings;

/// <summary>
/// A booking's id. With an Idempotency-Key it is derived from (organization, key), so a retry, even
/// after a restart, reaches the same booking grain, which answers with the booking it already made.
/// </summary>
internal static class BookingIds
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static string For(string org, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return Guid.NewGuid().ToString("N");
        }

        if (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            throw new DomainValidationException(IdempotencyKeyHeader, "Use 1 to 255 visible ASCII characters.");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{org}\n{idempotencyKey}"));
        return "k" + Convert.ToHexStringLower(hash)[..40];
    }
}
