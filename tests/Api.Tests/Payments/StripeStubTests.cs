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
