using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Actors.StripeStub;

/// <summary>
/// Signs a webhook body the way Stripe does, written apart from the app's verifier so a shared mistake
/// cannot make both agree: Stripe-Signature is "t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}" under the secret}".
/// </summary>
public static class WebhookSigner
{
    public static string Header(string payload, string secret, DateTimeOffset signedAt)
    {
        var t = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Signature(t, payload, secret)}";
    }

    public static string Signature(string timestamp, string payload, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + payload));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
