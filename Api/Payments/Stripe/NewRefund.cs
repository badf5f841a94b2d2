namespace Actors.Api.Payments.Stripe;

/// <summary>
/// A refund to create for a PaymentIntent. <paramref name="Reason"/> is one of Stripe's reasons
/// (duplicate, fraudulent, requested_by_customer) or null; the platform's own reason goes in metadata.
/// </summary>
public sealed record NewRefund(string PaymentIntent, long Amount, string? Reason, IReadOnlyDictionary<string, string> Metadata);
