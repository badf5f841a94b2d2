using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Grains.Webhooks;

/// <summary>
/// The "Webhook-Signature" header: <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}" with the endpoint's secret}</c>.
/// A receiver recomputes v1 from the raw body and the t it was sent, compares in constant time, and
/// refuses a t too far from its clock (replays).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Webhook-Signature";

    public static string For(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
