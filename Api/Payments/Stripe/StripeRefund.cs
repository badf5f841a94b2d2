namespace Actors.Api.Payments.Stripe;

/// <summary>The fields of a Stripe Refund the platform uses.</summary>
public sealed record StripeRefund(string Id, long Amount, string Status, string? PaymentIntent);
