namespace Actors.Api.Tests.Payments;

/// <summary>Payments with holds that lapse after two seconds.</summary>
public sealed class ShortHoldPayments : PaymentsFixture
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Bookings:HoldTimeout"] = "00:00:02" };
}
