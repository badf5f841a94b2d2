namespace Actors.Api.Tests.Payments;

/// <summary>Payments without trials whose past-due grace lasts two seconds instead of two weeks.</summary>
public sealed class ShortGracePayments : PaymentsFixture
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Payments:Stripe:TrialDays"] = "0",
        ["Billing:PastDueGrace"] = "00:00:02",
    };
}
