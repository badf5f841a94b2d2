namespace Actors.Api.Payments;

/// <summary>Stripe settings, bound from "Payments:Stripe". Without a secret key the app runs, and payments answer payment-failed.</summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    /// <summary>Where Stripe's API is; tests point it at the local stub.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>The platform's secret key: subscriptions, and guest payments of organizations without their own account.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Signing secret of the platform's webhook endpoint (whsec_...).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How old (or how far ahead) a webhook's signed timestamp may be; older deliveries are replays.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Stripe.net's retries after a lost connection, a 409 or a 5xx; safe because every POST carries an idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Where a guest returns after a redirecting payment method, for payments confirmed by the server.</summary>
    public Uri? ReturnUrl { get; set; }

    /// <summary>The Stripe price id of each paid plan, by plan name ("Standard", "Premium").</summary>
    public Dictionary<string, string> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days of free trial on an organization's first subscription; 0 turns trials off.</summary>
    public int TrialDays { get; set; } = 14;

    /// <summary>Where Stripe's customer portal sends an owner back; the app's own origin when unset.</summary>
    public Uri? PortalReturnUrl { get; set; }

    /// <summary>How long one delivery may work on an event before another delivery of it may take over.</summary>
    public TimeSpan WebhookLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a delivery waits for a racing delivery of the same event to finish before asking Stripe to retry.</summary>
    public TimeSpan WebhookWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Stripe's events are a few kilobytes; anything far larger is not from Stripe.</summary>
    public int MaxWebhookBytes { get; set; } = 512 * 1024;
}
