namespace Actors.Api.Payments;

/// <summary>A webhook delivery whose Stripe-Signature is missing, malformed, wrong or too old: answered 400, and nothing is done.</summary>
public sealed class WebhookSignatureException(string message, Exception? inner = null) : Exception(message, inner);
