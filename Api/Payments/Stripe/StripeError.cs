namespace Actors.Api.Payments.Stripe;

/// <summary>
/// Stripe's error object: {"error":{"type","code","decline_code","message","param"}}; card errors also
/// name the failed charge and carry the PaymentIntent.
/// </summary>
public sealed record StripeError(string? Type, string? Code, string? DeclineCode, string? Message, string? Param, string? Charge, StripePaymentIntent? PaymentIntent);
