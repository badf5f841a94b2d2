using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Actors.StripeStub;
using Xunit;

namespace Actors.Api.Tests.Payments;

/// <summary>The stub speaks Stripe's wire format, so what passes against it is what Stripe expects.</summary>
public sealed class StripeStubTests : IAsyncLifetime
{
    private StripeStubServer stripe = null!;

    public async Task InitializeAsync() => stripe = await StripeStubServer.StartAsync();

    public async Task DisposeAsync() => await stripe.DisposeAsync();

    [Fact]
    public async Task Requests_without_a_test_secret_key_get_a_401_error_object()
    {
        using var none = await SendAsync(HttpMethod.Post, "/v1/customers", "name=A", key: null);
        using var live = await SendAsync(HttpMethod.Post, "/v1/customers", "name=A", key: "sk_live_123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, live.StatusCode);
        var error = (await ReadAsync(live)).GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.DoesNotContain("123456789", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bracket_notation_becomes_nested_objects_and_lists()
    {
        using var customer = await SendAsync(HttpMethod.Post, "/v1/customers", "name=Hotel%20A&metadata%5Borg_id%5D=org-1&metadata[tier]=gold", idempotencyKey: "c-1");
        var customerId = (await ReadAsync(customer)).GetProperty("id").GetString();
        using var subscription = await SendAsync(HttpMethod.Post, "/v1/subscriptions", $"customer={customerId}&items[0][price]=price_x&expand[]=latest_invoice&metadata[plan]=Standard", idempotencyKey: "s-1");

        var metadata = (await ReadAsync(customer)).GetProperty("metadata");
        Assert.Equal("org-1", metadata.GetProperty("org_id").GetString());
        Assert.Equal("gold", metadata.GetProperty("tier").GetString());
        var created = await ReadAsync(subscription);
        Assert.Equal("price_x", created.GetProperty("items").GetProperty("data")[0].GetProperty("price").GetProperty("id").GetString());
        Assert.Equal("invoice", created.GetProperty("latest_invoice").GetProperty("object").GetString());
        Assert.Equal("Standard", created.GetProperty("latest_invoice").GetProperty("parent").GetProperty("subscription_details").GetProperty("metadata").GetProperty("plan").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_first_answer_and_refuses_other_parameters()
    {
        using var first = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "amount=1000&currency=eur", idempotencyKey: "k-1");
        using var again = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "currency=eur&amount=1000", idempotencyKey: "k-1");
        using var different = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "amount=2000&currency=eur", idempotencyKey: "k-1");
        using var otherAccount = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "amount=2000&currency=eur", idempotencyKey: "k-1", key: "sk_test_other");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Equal("idempotency_error", (await ReadAsync(different)).GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
        Assert.Equal(2, (await stripe.ObjectsAsync("payment_intent")).Count);
    }

    [Fact]
    public async Task A_declined_test_card_is_a_402_card_error_naming_the_intent_and_charge()
    {
        using var declined = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "amount=1000&currency=eur&confirm=true&payment_method=pm_card_chargeDeclined", idempotencyKey: "d-1");
        using var missing = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "currency=eur", idempotencyKey: "d-2");

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        var error = (await ReadAsync(declined)).GetProperty("error");
        Assert.Equal("card_error", error.GetProperty("type").GetString());
        Assert.Equal("card_declined", error.GetProperty("code").GetString());
        Assert.StartsWith("ch_", error.GetProperty("charge").GetString(), StringComparison.Ordinal);
        Assert.Equal("requires_payment_method", error.GetProperty("payment_intent").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("amount", (await ReadAsync(missing)).GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("payment_intent.payment_failed", stripe.Events[^1].Type);
    }

    [Fact]
    public async Task A_trial_subscription_starts_trialing_with_a_pending_setup_intent_and_its_invoice_is_listed_by_customer()
    {
        using var customer = await SendAsync(HttpMethod.Post, "/v1/customers", "name=Hotel%20B", idempotencyKey: "c-2");
        var customerId = (await ReadAsync(customer)).GetProperty("id").GetString();
        using var created = await SendAsync(
            HttpMethod.Post,
            "/v1/subscriptions",
            $"customer={customerId}&items[0][price]=price_x&payment_behavior=default_incomplete&trial_period_days=14&trial_settings[end_behavior][missing_payment_method]=pause&expand[0]=pending_setup_intent",
            idempotencyKey: "s-2");
        using var listed = await SendAsync(HttpMethod.Get, $"/v1/invoices?customer={customerId}&limit=10", null);
        using var badTrial = await SendAsync(HttpMethod.Post, "/v1/subscriptions", $"customer={customerId}&items[0][price]=price_x&trial_period_days=two", idempotencyKey: "s-3");

        var subscription = await ReadAsync(created);
        Assert.Equal("trialing", subscription.GetProperty("status").GetString());
        Assert.Equal(14 * 86400, subscription.GetProperty("trial_end").GetInt64() - subscription.GetProperty("trial_start").GetInt64());
        Assert.Equal("pause", subscription.GetProperty("trial_settings").GetProperty("end_behavior").GetProperty("missing_payment_method").GetString());
        Assert.Equal("setup_intent", subscription.GetProperty("pending_setup_intent").GetProperty("object").GetString());
        var list = await ReadAsync(listed);
        Assert.Equal("list", list.GetProperty("object").GetString());
        var invoice = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(0, invoice.GetProperty("amount_due").GetInt64());
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badTrial.StatusCode);
        Assert.Equal("trial_period_days", (await ReadAsync(badTrial)).GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_customer_portal_session_is_a_url_for_an_existing_customer()
    {
        using var customer = await SendAsync(HttpMethod.Post, "/v1/customers", "name=Hotel%20C", idempotencyKey: "c-3");
        var customerId = (await ReadAsync(customer)).GetProperty("id").GetString();

        using var session = await SendAsync(HttpMethod.Post, "/v1/billing_portal/sessions", $"customer={customerId}&return_url=https%3A%2F%2Fhotel.example%2F", idempotencyKey: "p-1");
        using var unknown = await SendAsync(HttpMethod.Post, "/v1/billing_portal/sessions", "customer=cus_nobody", idempotencyKey: "p-2");

        var opened = await ReadAsync(session);
        Assert.Equal("billing_portal.session", opened.GetProperty("object").GetString());
        Assert.Equal("https://hotel.example/", opened.GetProperty("return_url").GetString());
        Assert.StartsWith("https://billing.stripe.com/p/session/", opened.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("resource_missing", (await ReadAsync(unknown)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Events_carry_the_api_version_stripe_net_reads()
    {
        using var intent = await SendAsync(HttpMethod.Post, "/v1/payment_intents", "amount=1000&currency=eur&confirm=true&payment_method=pm_card_visa&automatic_payment_methods[enabled]=true", idempotencyKey: "v-1");

        var succeeded = JsonDocument.Parse(stripe.Events.Last(e => e.Type == "payment_intent.succeeded").Json).RootElement;
        Assert.Equal(global::Stripe.StripeConfiguration.ApiVersion, succeeded.GetProperty("api_version").GetString());
        Assert.Equal(global::Stripe.StripeConfiguration.ApiVersion, intent.Headers.GetValues("Stripe-Version").Single());
        Assert.True((await ReadAsync(intent)).GetProperty("automatic_payment_methods").GetProperty("enabled").GetBoolean());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? form, string? idempotencyKey = null, string? key = "sk_test_stub")
    {
        using var client = new HttpClient { BaseAddress = stripe.Address };
        var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new StringContent(form, new MediaTypeHeaderValue("application/x-www-form-urlencoded"));
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
