namespace Actors.Grains.Abstractions.Payments;

/// <summary>The answer to a delivery claiming a Stripe event.</summary>
public enum WebhookClaim
{
    Granted,
    Busy,
    Done,
}
