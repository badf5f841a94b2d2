namespace Actors.Api.Payments.Stripe;

/// <summary>A subscription of a customer to one price, with metadata naming the organization and plan.</summary>
public sealed record NewSubscription(string Customer, string Price, IReadOnlyDictionary<string, string> Metadata);
