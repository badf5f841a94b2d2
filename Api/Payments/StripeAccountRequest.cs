using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;

namespace Actors.Api.Payments;

/// <summary>An organization's own Stripe account: its secret key and the signing secret of the webhook endpoint it set up for us.</summary>
public sealed record StripeAccountRequest(string? SecretKey, string? WebhookSecret)
{
    public StripeAccountKeys ToKeys()
    {
        var errors = new FieldErrors();
        errors.Text(SecretKey, "secretKey", 255);
        errors.Text(WebhookSecret, "webhookSecret", 255);
        errors.ThrowIfAny();
        return new StripeAccountKeys(SecretKey!, WebhookSecret!);
    }
}
