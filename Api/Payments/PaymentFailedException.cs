using Stripe;

namespace Actors.Api.Payments;

/// <summary>
/// Stripe refused or could not be reached. A card the bank declined is the guest's to fix (402); any
/// other failure is between us and Stripe (502), and its message is ours, not Stripe's, so no key or
/// internal detail reaches a client.
/// </summary>
public sealed class PaymentFailedException : Exception
{
    public PaymentFailedException(int statusCode, string? stripeType, string code, string? declineCode, string message, string? paymentIntentId = null, string? chargeId = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        StripeType = stripeType;
        Code = code;
        DeclineCode = declineCode;
        PaymentIntentId = paymentIntentId;
        ChargeId = chargeId;
    }

    /// <summary>402 for card errors, 502 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>Stripe's error type (card_error, invalid_request_error, idempotency_error, ...), null when Stripe never answered.</summary>
    public string? StripeType { get; }

    /// <summary>Stripe's error code (card_declined, resource_missing, ...), or ours when Stripe never answered (stripe_unreachable, stripe_not_configured).</summary>
    public string Code { get; }

    public string? DeclineCode { get; }

    public string? PaymentIntentId { get; }

    /// <summary>The charge a card error declined, which names the attempt.</summary>
    public string? ChargeId { get; }

    /// <summary>Stripe's refusal as Stripe.net reports it.</summary>
    public static PaymentFailedException From(StripeException exception)
    {
        var error = exception.StripeError;
        var type = error?.Type;
        var code = error?.Code ?? type ?? $"http_{(int)exception.HttpStatusCode}";
        return type == "card_error"
            ? new PaymentFailedException(StatusCodes.Status402PaymentRequired, type, code, error?.DeclineCode, error?.Message ?? "The card was declined.", error?.PaymentIntent?.Id, error?.Charge, exception)
            : new PaymentFailedException(StatusCodes.Status502BadGateway, type, code, null, $"The payment provider refused the request ({code}).", error?.PaymentIntent?.Id, inner: exception);
    }

    /// <summary>Stripe.net gave up: the connection failed or timed out on every retry.</summary>
    public static PaymentFailedException Unreachable(Exception inner) =>
        new(StatusCodes.Status502BadGateway, null, "stripe_unreachable", null, "The payment provider could not be reached.", inner: inner);

    public static PaymentFailedException NotConfigured(string what) =>
        new(StatusCodes.Status502BadGateway, null, "stripe_not_configured", null, $"Payments are not set up: {what}.");
}
