using Actors.Grains.Abstractions.Payments;

namespace Actors.Api.Payments;

/// <summary>The organization's billing after subscribing, and the secret a browser needs to pay the first invoice (null when nothing is to pay).</summary>
public sealed record SubscriptionStart(BillingView Billing, string? ClientSecret);
