using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests.Payments;

public sealed class LatePaymentTests(ShortHoldPayments api) : IClassFixture<ShortHoldPayments>
{
    [Fact]
    public async Task Money_that_arrives_after_the_hold_expired_is_refunded_in_full_and_recorded()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = (await api.PayAsync(org, booking).OkAsync()).GetProperty("payment").GetProperty("intentId").GetString()!;
        await Eventually.Until(async () => ApiFixture.Status(await api.BookingAsync(org, booking)), status => status == "Expired");

        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        var receipt = await api.DeliverAsync(succeeded).OkAsync();

        Assert.Equal("refunded: hold-expired", receipt.GetProperty("outcome").GetString());
        Assert.Equal("Expired", ApiFixture.Status(await api.BookingAsync(org, booking)));
        var refund = Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intent);
        Assert.Equal("20000", refund.Field("amount"));
        var recorded = Assert.Single((await api.PaymentAsync(org, booking)).GetProperty("refunds").EnumerateArray());
        Assert.Equal("hold-expired", recorded.GetProperty("reason").GetString());
        Assert.Empty((await api.PaymentAsync(org, booking)).GetProperty("refundsDue").EnumerateArray());
        // Money the booking never counted as paid goes back without touching what it has paid.
        Assert.Equal(0m, (await api.BookingAsync(org, booking)).GetProperty("paid").GetDecimal());
    }
}
