using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>A Stripe PaymentIntent as the payment records it: amount in minor units, ISO currency, and the Stripe account it lives in.</summary>
[GenerateSerializer, Immutable, Alias("PaymentIntentFacts")]
public sealed record PaymentIntentFacts(string Id, long Amount, string Currency, string Account);
