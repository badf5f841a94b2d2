using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests.Payments;

public sealed class GuestPaymentTests(PaymentsFixture api) : IClassFixture<PaymentsFixture>
{
    [Fact]
    public async Task A_guest_payment_confirms_the_hold()
    {
        var (org, booking) = await api.HoldAsync(3, 5);

        var started = await api.PayAsync(org, booking).OkAsync();
        var intent = started.GetProperty("payment").GetProperty("intentId").GetString()!;
        var created = Assert.Single(await api.IntentsForAsync(booking));
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        using var delivered = await api.DeliverAsync(succeeded);

        Assert.Equal("requires_payment_method", started.GetProperty("intentStatus").GetString());
        Assert.StartsWith(intent + "_secret_", started.GetProperty("clientSecret").GetString(), StringComparison.Ordinal);
        Assert.Equal(20000, created.GetProperty("amount").GetInt64());
        Assert.Equal("eur", created.GetProperty("currency").GetString());
        Assert.Equal(org, created.GetProperty("metadata").GetProperty("org_id").GetString());
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("Confirmed", ApiFixture.Status(await api.BookingAsync(org, booking)));
        var payment = await api.PaymentAsync(org, booking);
        Assert.Equal("Succeeded", payment.GetProperty("status").GetString());
        Assert.Equal(20000, payment.GetProperty("amount").GetInt64());

        // The booking and its bar know it is paid; the same event delivered again counts once.
        using var again = await api.DeliverAsync(succeeded);
        Assert.Equal(200m, (await api.BookingAsync(org, booking)).GetProperty("paid").GetDecimal());
        var board = await api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board?from={ApiFixture.Day(3)}&to={ApiFixture.Day(5)}").OkAsync();
        var bar = Assert.Single(board.GetProperty("bookings").EnumerateArray(), b => b.GetProperty("id").GetString() == booking);
        Assert.Equal(200m, bar.GetProperty("paid").GetDecimal());
        Assert.Equal(200m, bar.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_card_confirmed_by_the_server_confirms_the_hold_at_once()
    {
        var (org, booking) = await api.HoldAsync(3, 5);

        var paid = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();

        Assert.Equal("Confirmed", paid.GetProperty("bookingStatus").GetString());
        Assert.Equal("succeeded", paid.GetProperty("intentStatus").GetString());
        Assert.Equal(JsonValueKind.Null, paid.GetProperty("clientSecret").ValueKind);
        Assert.Equal("Confirmed", ApiFixture.Status(await api.BookingAsync(org, booking)));
    }

    [Fact]
    public async Task A_declined_card_leaves_the_hold_reports_payment_failed_and_another_card_can_still_pay()
    {
        var (org, booking) = await api.HoldAsync(3, 5);

        using var declined = await api.PayAsync(org, booking, "pm_card_chargeDeclined");
        var problem = await declined.ReadAsync();
        var intent = problem.GetProperty("paymentIntent").GetString()!;
        using var webhook = await api.DeliverAsync(api.EventFor("payment_intent.payment_failed", intent));
        var afterDecline = await api.BookingAsync(org, booking);
        var payment = await api.PaymentAsync(org, booking);
        var retried = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Equal(ApiFixture.Problems + "payment-failed", problem.ProblemType());
        Assert.Equal("card_declined", problem.GetProperty("code").GetString());
        Assert.Equal("generic_decline", problem.GetProperty("declineCode").GetString());
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal("Held", ApiFixture.Status(afterDecline));
        Assert.Equal("Failed", payment.GetProperty("status").GetString());
        // Reported by the API call and by the webhook; one decline, so one failure.
        var failure = Assert.Single(payment.GetProperty("failures").EnumerateArray());
        Assert.Equal("generic_decline", failure.GetProperty("declineCode").GetString());
        Assert.Equal("Confirmed", retried.GetProperty("bookingStatus").GetString());
        Assert.Equal(intent, retried.GetProperty("payment").GetProperty("intentId").GetString());
    }

    [Fact]
    public async Task Retried_payment_requests_make_one_payment_intent_and_every_post_to_stripe_carries_an_idempotency_key()
    {
        var (org, booking) = await api.HoldAsync(3, 5);

        var sequential = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            sequential.Add(await api.PayAsync(org, booking).OkAsync());
        }

        var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var client = api.App.NewClient();
            return await api.PayAsync(org, booking, client: client).OkAsync();
        }));

        Assert.Single(await api.IntentsForAsync(booking));
        Assert.Single(sequential.Concat(parallel).Select(p => p.GetProperty("clientSecret").GetString()).Distinct());
        Assert.All(api.Posts("/v1/payment_intents").Where(r => r.Field("metadata[booking_id]") == booking), r => Assert.Equal($"booking:{org}/{booking}:payment-intent", r.IdempotencyKey));
        Assert.All(api.Stripe.Requests.Where(r => r.Method == "POST"), r => Assert.False(string.IsNullOrEmpty(r.IdempotencyKey), $"{r.Path} without an Idempotency-Key"));
    }

    [Fact]
    public async Task A_lost_response_is_retried_with_the_same_key_and_makes_one_payment_intent()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        api.Stripe.DropNextResponse("/v1/payment_intents");

        var started = await api.PayAsync(org, booking).OkAsync();

        var attempts = api.Posts("/v1/payment_intents").Where(r => r.Field("metadata[booking_id]") == booking).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());
        Assert.True(attempts[1].Replayed);
        var intent = Assert.Single(await api.IntentsForAsync(booking));
        Assert.Equal(intent.GetProperty("id").GetString(), started.GetProperty("payment").GetProperty("intentId").GetString());
    }

    [Fact]
    public async Task Cancelling_a_paid_booking_within_the_free_period_refunds_it_in_full_once()
    {
        var (org, booking) = await api.HoldAsync(10, 12);
        var paid = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();
        var intent = paid.GetProperty("payment").GetProperty("intentId").GetString();

        var cancelled = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/payment/cancel", null).OkAsync();
        var again = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/payment/cancel", null).OkAsync();

        Assert.Equal("Cancelled", cancelled.GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal(0m, cancelled.GetProperty("booking").GetProperty("cancellationFee").GetDecimal());
        var refund = Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intent);
        Assert.Equal("20000", refund.Field("amount"));
        Assert.Equal("requested_by_customer", refund.Field("reason"));
        Assert.Equal(20000, again.GetProperty("payment").GetProperty("refunded").GetInt64());
        Assert.Single(again.GetProperty("payment").GetProperty("refunds").EnumerateArray());
        // The booking shows the money back: nothing paid any more, and one refund on its event stream.
        var after = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{booking}").OkAsync();
        Assert.Equal(0m, after.GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Cancelling_late_refunds_what_was_paid_minus_the_fee_the_booking_reports()
    {
        // Free cancellation ends two days before arrival; after that the first night (100 EUR) is kept.
        var (org, booking) = await api.HoldAsync(1, 3);
        var paid = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();
        var intent = paid.GetProperty("payment").GetProperty("intentId").GetString();

        var cancelled = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/payment/cancel", null).OkAsync();

        Assert.Equal(100m, cancelled.GetProperty("booking").GetProperty("cancellationFee").GetDecimal());
        var refund = Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intent);
        Assert.Equal("10000", refund.Field("amount"));
        Assert.Equal(10000, cancelled.GetProperty("payment").GetProperty("refunded").GetInt64());
        // Paid 200, 100 back: the booking has paid the 100 it kept as its fee.
        var after = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{booking}").OkAsync();
        Assert.Equal(100m, after.GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Cancelling_an_unpaid_hold_refunds_nothing()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var refundsBefore = api.Posts("/v1/refunds").Count;

        var cancelled = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/payment/cancel", null).OkAsync();

        Assert.Equal("Cancelled", cancelled.GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("payment").ValueKind);
        Assert.Equal(refundsBefore, api.Posts("/v1/refunds").Count);
    }

    [Fact]
    public async Task An_organization_with_its_own_stripe_account_takes_payments_into_it_and_signs_its_own_webhooks()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        await api.Client.PutAsync($"/api/orgs/{org}/stripe-account", new { secretKey = "sk_test_own_account_9", webhookSecret = "whsec_own_account" }).OkAsync();
        var ownWebhook = new Uri(api.App.Address, $"/api/webhooks/stripe/{org}");

        var started = await api.PayAsync(org, booking).OkAsync();
        var intent = started.GetProperty("payment").GetProperty("intentId").GetString()!;
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        using var platformSigned = await api.Stripe.DeliverAsync(succeeded, ownWebhook, PaymentsFixture.WebhookSecret);
        using var ownSigned = await api.Stripe.DeliverAsync(succeeded, ownWebhook, "whsec_own_account");
        var account = await api.Client.GetAsync($"/api/orgs/{org}/stripe-account").OkAsync();

        Assert.Equal("sk_test_own_account_9", Assert.Single(api.Posts("/v1/payment_intents"), r => r.Field("metadata[booking_id]") == booking).ApiKey);
        Assert.Equal(HttpStatusCode.BadRequest, platformSigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownSigned.StatusCode);
        Assert.Equal("Confirmed", ApiFixture.Status(await api.BookingAsync(org, booking)));
        Assert.Equal("_9", account.GetProperty("secretKeyEnding").GetString()![^2..]);
        Assert.DoesNotContain("sk_test_own", account.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_account_cannot_speak_for_another_organizations_bookings()
    {
        var (victim, booking) = await api.HoldAsync(3, 5);
        var intent = (await api.PayAsync(victim, booking).OkAsync()).GetProperty("payment").GetProperty("intentId").GetString()!;
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        var other = await api.OpenHotelAsync(doubles: 1, suites: 0);
        await api.Client.PutAsync($"/api/orgs/{other}/stripe-account", new { secretKey = "sk_test_other", webhookSecret = "whsec_other" }).OkAsync();

        using var response = await api.Stripe.DeliverAsync(succeeded, new Uri(api.App.Address, $"/api/webhooks/stripe/{other}"), "whsec_other");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ignored", (await response.ReadAsync()).GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal("Held", ApiFixture.Status(await api.BookingAsync(victim, booking)));
    }

    [Fact]
    public async Task A_key_stripe_refuses_is_a_502_payment_failed_naming_stripes_error_and_nothing_is_recorded()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        await api.Client.PutAsync($"/api/orgs/{org}/stripe-account", new { secretKey = "sk_live_not_accepted_here", webhookSecret = "whsec_x" }).OkAsync();

        using var response = await api.PayAsync(org, booking);
        using var payment = await api.Client.GetAsync($"/api/orgs/{org}/bookings/{booking}/payment");

        var problem = await response.ReadAsync();
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "payment-failed", problem.ProblemType());
        Assert.Equal("invalid_request_error", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("sk_live", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, payment.StatusCode);
        Assert.Equal("Held", ApiFixture.Status(await api.BookingAsync(org, booking)));
    }

    [Fact]
    public async Task Paying_for_a_booking_that_is_not_held_is_refused_without_calling_stripe()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/cancel", null).OkAsync();
        var calls = api.Stripe.Requests.Count;

        using var response = await api.PayAsync(org, booking);
        using var unknown = await api.PayAsync(org, "no-such-booking");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "invalid-transition", (await response.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(calls, api.Stripe.Requests.Count);
    }
}
