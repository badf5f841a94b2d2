namespace Actors.Api.Payments.Stripe;

/// <summary>The fields of a Stripe PaymentIntent the platform uses; amount in minor units, currency lowercase.</summary>
public sealed record StripePaymentIntent(
    string Id,
    long Amount,
    string Currency,
    string Status,
    string? ClientSecret,
    Dictionary<string, string>? Metadata,
    StripeError? LastPaymentError);
