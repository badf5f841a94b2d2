using Stripe;

namespace Actors.Api.Payments;

/// <summary>One of the organization's invoices as Stripe has it: amounts in minor units, and Stripe's page for it.</summary>
public sealed record InvoiceSummary(string Id, string? Number, string Status, long AmountDue, long AmountPaid, string Currency, DateTimeOffset Created, string? HostedInvoiceUrl)
{
    public static InvoiceSummary From(Invoice invoice) =>
        new(invoice.Id, invoice.Number, invoice.Status, invoice.AmountDue, invoice.AmountPaid, invoice.Currency.ToUpperInvariant(), new DateTimeOffset(invoice.Created, TimeSpan.Zero), invoice.HostedInvoiceUrl);
}
