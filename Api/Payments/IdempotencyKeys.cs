using System.Security.Cryptography;
using System.Text;

namespace Actors.Api.Payments;

/// <summary>
/// Idempotency keys named after the operation, not random: the same operation retried (by us, by a
/// client, after a restart) sends the same key, and Stripe answers with the first result. Stripe keeps
/// keys for at least 24 hours and allows 255 characters; these stay well under.
/// </summary>
public static class IdempotencyKeys
{
    public static string PaymentIntent(string org, string booking) => $"booking:{org}/{booking}:payment-intent";

    /// <summary>One confirmation attempt: the client's own Idempotency-Key, or the payment method when it sent none.</summary>
    public static string Confirm(string org, string booking, string intentId, string attempt) =>
        $"booking:{org}/{booking}:confirm:{intentId}:{Short(attempt)}";

    public static string Refund(string org, string booking, string intentId, string reason) => $"booking:{org}/{booking}:refund:{intentId}:{reason}";

    public static string Customer(string org) => $"org:{org}:customer";

    /// <summary>The organization's n-th subscription, so subscribing again after one ended makes a new one.</summary>
    public static string Subscription(string org, int number) => $"org:{org}:subscription:{number}";

    /// <summary>One portal session per request: each is a new session, and the key still guards Stripe.net's own retries of it.</summary>
    public static string PortalSession(string org, Guid request) => $"org:{org}:portal:{request:N}";

    // Client keys may be 255 characters themselves; a hash keeps ours within Stripe's limit.
    private static string Short(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
