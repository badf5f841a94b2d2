namespace Actors.Api.Payments.Stripe;

/// <summary>A PaymentIntent to create: amount in minor units, ISO currency, and metadata tying it to a booking.</summary>
public sealed record NewPaymentIntent(long Amount, string Currency, IReadOnlyDictionary<string, string> Metadata, string? Description, string? ReceiptEmail);
