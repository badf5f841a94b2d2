using Actors.Grains.Abstractions.Payments;

namespace Actors.Grains.Payments;

internal sealed class BillingState
{
    public string? CustomerId { get; set; }

    public SubscriptionView? Current { get; set; }

    /// <summary>Every subscription ever recorded, current or ended.</summary>
    public List<string> Seen { get; set; } = [];

    /// <summary>Ended subscriptions, so a late event about one never brings it back.</summary>
    public List<string> Ended { get; set; } = [];

    public List<string> PaidInvoices { get; set; } = [];

    public List<InvoiceFailure> InvoiceFailures { get; set; } = [];
}
