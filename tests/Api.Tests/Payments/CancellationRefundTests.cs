using Xunit;

namespace Actors.Api.Tests.Payments;

/// <summary>A paid booking gets its money back under the policy whichever door cancels it: the desk's or the guest's link.</summary>
public sealed class CancellationRefundTests(PaymentsFixture api) : IClassFixture<PaymentsFixture>
{
    [Fact]
    public async Task Cancelling_a_paid_booking_at_the_desk_refunds_it_once()
    {
        var (org, booking) = await api.HoldAsync(10, 12);
        var paid = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();
        var intent = paid.GetProperty("payment").GetProperty("intentId").GetString();

        var cancelled = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/cancel", null).OkAsync();
        using var again = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/cancel", null);

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        var refund = Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intent);
        Assert.Equal("20000", refund.Field("amount"));
        Assert.Equal(20000, (await api.PaymentAsync(org, booking)).GetProperty("refunded").GetInt64());
    }

    [Fact]
    public async Task A_guest_cancelling_a_paid_booking_through_the_private_link_is_refunded_what_the_policy_allows()
    {
        // Free cancellation ends two days before arrival; after that the first night (100 EUR) is kept.
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 3)).OkAsync();
        var booking = held.GetProperty("id").GetString()!;
        var token = held.GetProperty("guestToken").GetString()!;
        var paid = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();
        var intent = paid.GetProperty("payment").GetProperty("intentId").GetString();

        using var guest = api.App.NewClient();
        var cancelled = await guest.PostAsync($"/api/guest/bookings/{token}/cancel", null).OkAsync();

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        var refund = Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intent);
        Assert.Equal("10000", refund.Field("amount"));
    }
}
