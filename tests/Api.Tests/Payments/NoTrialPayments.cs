namespace Actors.Api.Tests.Payments;

/// <summary>Payments with trials turned off, so a subscription waits for its first invoice to be paid.</summary>
public sealed class NoTrialPayments : PaymentsFixture
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Payments:Stripe:TrialDays"] = "0" };
}
