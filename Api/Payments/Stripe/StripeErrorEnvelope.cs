namespace Actors.Api.Payments.Stripe;

/// <summary>The body of every Stripe error response.</summary>
public sealed record StripeErrorEnvelope(StripeError? Error);
