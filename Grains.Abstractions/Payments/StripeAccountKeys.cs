using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>An organization's Stripe secret key and its webhook endpoint's signing secret. Never printed whole.</summary>
[GenerateSerializer, Immutable, Alias("StripeAccountKeys")]
public sealed record StripeAccountKeys(string SecretKey, string WebhookSecret)
{
    public override string ToString() => $"StripeAccountKeys {{ SecretKey = ...{SecretKey[^Math.Min(4, SecretKey.Length)..]} }}";
}
