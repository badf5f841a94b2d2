using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Actors.StripeStub;
using Xunit;

namespace Actors.Api.Tests.Payments;

/// <summary>
/// Genuine, signed events that name nothing of ours are acknowledged and change nothing: answering
/// anything but 2xx would only make Stripe deliver them again for days.
/// </summary>
public sealed class UnknownEventTests(WebhookSecretOnlyApi api) : IClassFixture<WebhookSecretOnlyApi>
{
    [Fact]
    public async Task Events_about_an_unknown_organization_or_booking_get_2xx_and_change_nothing_even_without_a_secret_key()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var events = new[]
        {
            Event("payment_intent.succeeded", Intent("no-such-org", "b-1", 72000)),
            Event("payment_intent.succeeded", Intent(org, "no-such-booking", 1)),
            Event("payment_intent.payment_failed", Intent("no-such-org", "b-1", 72000)),
            Event("invoice.payment_succeeded", Invoice("no-such-org")),
            Event("invoice.payment_failed", Invoice(org)),
            Event("customer.subscription.deleted", Subscription("no-such-org", "canceled")),
            Event("customer.subscription.updated", Subscription(org, "past_due")),
        };
        var before = await api.Database.FingerprintAsync();

        foreach (var json in events)
        {
            using var response = await DeliverAsync(json);
            var body = await response.ReadAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
            Assert.StartsWith("ignored", body.GetProperty("outcome").GetString(), StringComparison.Ordinal);
            Assert.False(body.GetProperty("duplicate").GetBoolean());
        }

        Assert.Equal(before, await api.Database.FingerprintAsync());
        Assert.Equal("Premium", (await api.Client.GetAsync($"/api/orgs/{org}").OkAsync()).GetProperty("plan").GetString());
    }

    private async Task<HttpResponseMessage> DeliverAsync(string json)
    {
        using var stripe = api.App.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent(json, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", WebhookSigner.Header(json, WebhookSecretOnlyApi.WebhookSecret, DateTimeOffset.UtcNow));
        var response = await stripe.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Event(string type, JsonObject data) => new JsonObject
    {
        ["id"] = "evt_" + Guid.NewGuid().ToString("N"),
        ["object"] = "event",
        ["api_version"] = "2026-10-28.endive",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data },
    }.ToJsonString();

    private static JsonObject Intent(string org, string booking, long amount) => new()
    {
        ["id"] = "pi_" + Guid.NewGuid().ToString("N"),
        ["object"] = "payment_intent",
        ["amount"] = amount,
        ["amount_received"] = amount,
        ["currency"] = "eur",
        ["status"] = "succeeded",
        ["metadata"] = new JsonObject { ["org_id"] = org, ["booking_id"] = booking },
    };

    private static JsonObject Invoice(string org) => new()
    {
        ["id"] = "in_" + Guid.NewGuid().ToString("N"),
        ["object"] = "invoice",
        ["customer"] = "cus_unknown",
        ["status"] = "open",
        ["attempt_count"] = 1,
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject { ["subscription"] = "sub_unknown", ["metadata"] = new JsonObject { ["org_id"] = org, ["plan"] = "Premium" } },
        },
    };

    private static JsonObject Subscription(string org, string status) => new()
    {
        ["id"] = "sub_unknown",
        ["object"] = "subscription",
        ["customer"] = "cus_unknown",
        ["status"] = status,
        ["metadata"] = new JsonObject { ["org_id"] = org, ["plan"] = "Premium" },
    };
}
