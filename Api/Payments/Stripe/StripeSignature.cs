using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments.Stripe;

/// <summary>
/// Checks Stripe's webhook signature: the header "t=...,v1=...,v1=..." holds a Unix timestamp and one
/// or more HMAC-SHA256 signatures (hex) of "{t}.{raw body}" under the endpoint's secret (several while
/// a secret is being rolled). One v1 must match, compared in constant time, and t must lie within the
/// tolerance of now, so a captured delivery cannot be replayed later.
/// </summary>
public sealed class StripeSignature(TimeProvider time, IOptions<StripeOptions> options)
{
    public const string Header = "Stripe-Signature";

    /// <summary>Throws <see cref="WebhookSignatureException"/> unless <paramref name="header"/> signs <paramref name="payload"/> with <paramref name="secret"/> recently enough.</summary>
    public void Verify(string? header, ReadOnlySpan<byte> payload, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new WebhookSignatureException("No signing secret is set up for this endpoint, so no delivery can be verified.");
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            throw new WebhookSignatureException($"The {Header} header is missing.");
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new WebhookSignatureException($"The {Header} header is malformed.");
            }

            var (name, value) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            if (name == "t")
            {
                if (timestamp is not null || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    throw new WebhookSignatureException($"The {Header} header has no single valid timestamp.");
                }

                timestamp = seconds;
            }
            else if (name == "v1" && value.Length == SHA256.HashSizeInBytes * 2 && TryFromHex(value, out var signature))
            {
                signatures.Add(signature);
            }

            // Other schemes (v0, test-mode extras) are ignored, as Stripe's own libraries do.
        }

        if (timestamp is not { } t)
        {
            throw new WebhookSignatureException($"The {Header} header has no timestamp.");
        }

        if (signatures.Count == 0)
        {
            throw new WebhookSignatureException($"The {Header} header has no v1 signature.");
        }

        var expected = Compute(t, payload, secret);
        var matched = false;
        foreach (var signature in signatures)
        {
            // Every candidate is compared, so timing says nothing about which one (if any) was close.
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        if (!matched)
        {
            throw new WebhookSignatureException("No signature matches the body.");
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(t);
        if (age.Duration() > options.Value.SignatureTolerance)
        {
            throw new WebhookSignatureException("The signature's timestamp is outside the tolerance; the delivery is stale.");
        }
    }

    /// <summary>HMAC-SHA256 of "{t}." followed by the raw body bytes, exactly as they arrived.</summary>
    public static byte[] Compute(long timestamp, ReadOnlySpan<byte> payload, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
