namespace Actors.Grains.Payments;

/// <summary>Subscription tunables, bound from the "Billing" configuration section.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>
    /// How long a past-due subscription keeps its plan while Stripe retries the invoice (Smart Retries
    /// default to 8 tries within 2 weeks); after that the free plan's limits apply until it is paid.
    /// </summary>
    public TimeSpan PastDueGrace { get; set; } = TimeSpan.FromDays(14);
}
