using Orleans;

namespace Actors.Grains.Abstractions.Payments;

/// <summary>The answer to a delivery claiming a Stripe event.</summary>
[GenerateSerializer, Alias("WebhookClaim")]
public enum WebhookClaim
{
    Granted,
    Busy,
    Done,
}
