using System.Net;
using System.Text.Json;
using Actors.StripeStub;
using Xunit;

namespace Actors.Api.Tests.Payments;

public sealed class WebhookTests(PaymentsFixture api) : IClassFixture<PaymentsFixture>
{
    [Fact]
    public async Task A_signed_event_is_processed_once_and_replays_change_nothing_even_after_a_restart()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = await StartAsync(org, booking);
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");

        var first = await ReceiptAsync(api.DeliverAsync(succeeded));
        var state = await api.Database.FingerprintAsync();
        var stripeCalls = api.Stripe.Requests.Count;
        var replay = await ReceiptAsync(api.DeliverAsync(succeeded));
        await api.RestartAsync();
        var afterRestart = await ReceiptAsync(api.DeliverAsync(succeeded));

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(replay.GetProperty("duplicate").GetBoolean());
        Assert.True(afterRestart.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("outcome").GetString(), afterRestart.GetProperty("outcome").GetString());
        Assert.Equal(state, await api.Database.FingerprintAsync());
        Assert.Equal(stripeCalls, api.Stripe.Requests.Count);
        Assert.Equal("Confirmed", ApiFixture.Status(await api.BookingAsync(org, booking)));
    }

    [Fact]
    public async Task A_payment_confirmed_by_stripe_is_filed_in_the_audit_log_with_stripe_as_the_actor_once()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = await StartAsync(org, booking);
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");

        await ReceiptAsync(api.DeliverAsync(succeeded));
        await ReceiptAsync(api.DeliverAsync(succeeded));

        var entries = (await api.Client.GetAsync($"/api/orgs/{org}/audit?after=0").OkAsync()).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry")).ToList();
        var byStripe = Assert.Single(entries, e => e.GetProperty("actor").GetString() == "stripe");
        Assert.Equal("POST", byStripe.GetProperty("method").GetString());
        Assert.Equal("/api/webhooks/stripe", byStripe.GetProperty("route").GetString());
        Assert.Equal(booking, byStripe.GetProperty("ids").GetProperty("booking").GetString());
        Assert.Equal(succeeded.Id, byStripe.GetProperty("ids").GetProperty("event").GetString());
    }

    [Fact]
    public async Task Racing_deliveries_of_one_event_process_it_once()
    {
        // A payment for a hold cancelled meanwhile is refunded: processing twice would refund twice.
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = await StartAsync(org, booking);
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/cancel", null).OkAsync();
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await api.DeliverAsync(succeeded);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadAsync();
        }));

        Assert.Single(receipts, r => !r.GetProperty("duplicate").GetBoolean());
        Assert.All(receipts, r => Assert.Equal("refunded: booking-gone", r.GetProperty("outcome").GetString()));
        Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intent);
        Assert.Single((await api.PaymentAsync(org, booking)).GetProperty("refunds").EnumerateArray());
    }

    [Fact]
    public async Task Deliveries_with_a_missing_malformed_wrong_or_stale_signature_are_refused_and_change_nothing()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = await StartAsync(org, booking);
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        var tampered = succeeded.Json.Replace("\"status\":\"succeeded\"", "\"status\":\"succeeded\" ", StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var refused = new (string Case, Func<Task<HttpResponseMessage>> Deliver)[]
        {
            ("no header", () => api.Stripe.PostWebhookAsync(api.Webhook, succeeded.Json, null)),
            ("garbage header", () => api.Stripe.PostWebhookAsync(api.Webhook, succeeded.Json, "this is not a signature")),
            ("no v1", () => api.Stripe.PostWebhookAsync(api.Webhook, succeeded.Json, $"t={now.ToUnixTimeSeconds()}")),
            ("wrong secret", () => api.Stripe.DeliverAsync(succeeded, api.Webhook, "whsec_someone_else")),
            ("body changed after signing", () => api.Stripe.PostWebhookAsync(api.Webhook, tampered, WebhookSigner.Header(succeeded.Json, PaymentsFixture.WebhookSecret, now))),
            ("signed 6 minutes ago", () => api.DeliverAsync(succeeded, now.AddMinutes(-6))),
            ("signed 6 minutes ahead", () => api.DeliverAsync(succeeded, now.AddMinutes(6))),
        };
        var before = await api.Database.FingerprintAsync();

        foreach (var (name, deliver) in refused)
        {
            using var response = await deliver();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
            Assert.Equal(ApiFixture.Problems + "webhook-signature", (await response.ReadAsync()).ProblemType());
        }

        Assert.Equal(before, await api.Database.FingerprintAsync());
        Assert.Equal("Held", ApiFixture.Status(await api.BookingAsync(org, booking)));

        // Nothing was recorded against the event either: the genuine delivery still goes through.
        var genuine = await ReceiptAsync(api.DeliverAsync(succeeded, now.AddMinutes(-4)));
        Assert.False(genuine.GetProperty("duplicate").GetBoolean());
        Assert.Equal("Confirmed", ApiFixture.Status(await api.BookingAsync(org, booking)));
    }

    [Fact]
    public async Task Events_the_platform_does_not_act_on_are_acknowledged_and_leave_no_trace()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = await StartAsync(org, booking);
        await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        var charge = api.Stripe.Events.Last(e => e.Type == "charge.succeeded");
        var before = await api.Database.FingerprintAsync();

        var receipt = await ReceiptAsync(api.DeliverAsync(charge));

        Assert.StartsWith("ignored", receipt.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.Database.FingerprintAsync());
        Assert.Equal("Held", ApiFixture.Status(await api.BookingAsync(org, booking)));
    }

    [Fact]
    public async Task A_delivery_is_accepted_when_any_of_its_v1_signatures_matches()
    {
        var (org, booking) = await api.HoldAsync(3, 5);
        var intent = await StartAsync(org, booking);
        var succeeded = await api.Stripe.ConfirmAsGuestAsync(intent, "pm_card_visa");
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var real = WebhookSigner.Signature(t, succeeded.Json, PaymentsFixture.WebhookSecret);

        // Two v1 signatures while a secret is rolled, and a scheme the verifier does not know.
        var receipt = await ReceiptAsync(api.Stripe.PostWebhookAsync(api.Webhook, succeeded.Json, $"t={t},v1={new string('0', 64)},v0=ignored,v1={real}"));

        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        Assert.Equal("Confirmed", ApiFixture.Status(await api.BookingAsync(org, booking)));
    }

    [Fact]
    public async Task A_payment_for_less_or_in_another_currency_than_the_booking_owes_confirms_nothing_and_goes_back()
    {
        // 720 EUR owed; someone pays 0.01 EUR, then 720 USD, into the platform's account with the booking's metadata.
        var (org, booking) = await api.HoldAsync(3, 5);
        var stripe = new global::Stripe.StripeClient(PaymentsFixture.PlatformKey, apiBase: api.Stripe.Address.ToString().TrimEnd('/'));
        var receipts = new List<JsonElement>();
        var intents = new List<string>();
        foreach (var (amount, currency) in new[] { (1L, "eur"), (20000L, "usd") })
        {
            var intent = await stripe.V1.PaymentIntents.CreateAsync(new global::Stripe.PaymentIntentCreateOptions
            {
                Amount = amount,
                Currency = currency,
                Metadata = new() { ["org_id"] = org, ["booking_id"] = booking },
            });
            intents.Add(intent.Id);
            receipts.Add(await ReceiptAsync(api.DeliverAsync(await api.Stripe.ConfirmAsGuestAsync(intent.Id, "pm_card_visa"))));
        }

        var payment = await api.PaymentAsync(org, booking);

        Assert.All(receipts, r => Assert.Equal("refunded: amount-mismatch", r.GetProperty("outcome").GetString()));
        Assert.Equal("Held", ApiFixture.Status(await api.BookingAsync(org, booking)));
        Assert.NotEqual("Succeeded", payment.GetProperty("status").GetString());
        var mismatches = payment.GetProperty("mismatches").EnumerateArray().ToList();
        Assert.Equal(2, mismatches.Count);
        Assert.Equal((1L, "EUR", 20000L, "EUR"), Figures(mismatches[0]));
        Assert.Equal((20000L, "USD", 20000L, "EUR"), Figures(mismatches[1]));
        Assert.Equal("1", Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intents[0]).Field("amount"));
        Assert.Equal("20000", Assert.Single(api.Posts("/v1/refunds"), r => r.Field("payment_intent") == intents[1]).Field("amount"));
        Assert.Empty(payment.GetProperty("refundsDue").EnumerateArray());

        // The hold is still the guest's to pay properly.
        var paid = await api.PayAsync(org, booking, "pm_card_visa").OkAsync();
        Assert.Equal("Confirmed", paid.GetProperty("bookingStatus").GetString());
    }

    private static (long, string, long, string) Figures(JsonElement mismatch) =>
        (mismatch.GetProperty("paid").GetInt64(), mismatch.GetProperty("paidCurrency").GetString()!, mismatch.GetProperty("owed").GetInt64(), mismatch.GetProperty("owedCurrency").GetString()!);

    private async Task<string> StartAsync(string org, string booking)
    {
        var started = await api.PayAsync(org, booking).OkAsync();
        return started.GetProperty("payment").GetProperty("intentId").GetString()!;
    }

    private static async Task<JsonElement> ReceiptAsync(Task<HttpResponseMessage> delivering)
    {
        using var response = await delivering;
        var body = await response.ReadAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
