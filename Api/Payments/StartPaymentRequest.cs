using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Payments;

/// <summary>
/// Starts paying for a held booking. Without a payment method the browser confirms with the client
/// secret (Stripe.js); with one (a saved card, "pm_..."), the server confirms at once.
/// </summary>
public sealed record StartPaymentRequest(string? PaymentMethod)
{
    public string? ToPaymentMethod()
    {
        if (PaymentMethod is null)
        {
            return null;
        }

        if (PaymentMethod.Length is < 4 or > 255 || !PaymentMethod.StartsWith("pm_", StringComparison.Ordinal) || !PaymentMethod.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new DomainValidationException("paymentMethod", "Use a Stripe payment method id (pm_...).");
        }

        return PaymentMethod;
    }
}
