namespace Actors.Api.Payments;

/// <summary>
/// Whether the organization's guests pay into its own Stripe account, the key's last four characters
/// to recognise it (never the key), and the webhook address to give Stripe for that account.
/// </summary>
public sealed record StripeAccountView(bool Own, string? SecretKeyEnding, string WebhookPath);
