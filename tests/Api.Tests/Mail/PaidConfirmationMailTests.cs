using Actors.Api.Tests.Payments;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class PaidConfirmationMailTests(MailedPayments api) : IClassFixture<MailedPayments>
{
    [Fact]
    public async Task A_card_payment_that_confirms_the_hold_mails_the_guest_once_even_when_stripe_repeats_the_event()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var guest = $"lou-{Guid.NewGuid():N}@example.com";
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", MailFlowTests.Stay(guest, 3, 5)).OkAsync();
        var booking = held.GetProperty("id").GetString()!;

        var started = await api.PayAsync(org, booking).OkAsync();
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(started.GetProperty("payment").GetProperty("intentId").GetString()!, "pm_card_visa");
        (await api.DeliverAsync(succeeded)).Dispose();
        (await api.DeliverAsync(succeeded)).Dispose();

        var mail = await MailedApi.Mails.WaitForAsync(guest, "confirmed");
        var token = MailCatcher.Link(mail, "/my-booking/").Segments[^1];
        using var client = api.App.NewClient();
        var shown = await client.GetAsync($"/api/guest/bookings/{token}").OkAsync();

        Assert.Equal("Confirmed", ApiFixture.Status(shown));
        Assert.Equal(200m, shown.GetProperty("paid").GetDecimal());
        Assert.Single(MailedApi.Mails.To(guest));
    }
}
