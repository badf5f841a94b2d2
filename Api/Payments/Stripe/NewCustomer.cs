namespace Actors.Api.Payments.Stripe;

/// <summary>A Stripe Customer to create for an organization.</summary>
public sealed record NewCustomer(string Name, IReadOnlyDictionary<string, string> Metadata);
