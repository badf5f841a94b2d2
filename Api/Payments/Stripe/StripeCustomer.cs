namespace Actors.Api.Payments.Stripe;

/// <summary>A Stripe Customer: who pays for an organization's subscription.</summary>
public sealed record StripeCustomer(string Id);
