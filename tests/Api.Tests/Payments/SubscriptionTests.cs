using System.Net;
using Xunit;

namespace Actors.Api.Tests.Payments;

public sealed class SubscriptionTests(NoTrialPayments api) : IClassFixture<NoTrialPayments>
{
    [Fact]
    public async Task A_paid_subscription_raises_the_plan_and_a_deleted_one_drops_it_to_free_at_once()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        using var beyondFree = await AddPropertyAsync(org, "annex");

        var started = await api.Client.PostAsync($"/api/orgs/{org}/subscription", new { plan = "Standard" }).OkAsync();
        var subscription = started.GetProperty("billing").GetProperty("subscription").GetProperty("id").GetString()!;
        var planBeforePayment = await PlanAsync(org);
        await api.DeliverAsync(await api.Stripe.PayLatestInvoiceAsync(subscription)).OkAsync();
        var planAfterPayment = await PlanAsync(org);
        using var annex = await AddPropertyAsync(org, "annex");
        await api.DeliverAsync(await api.Stripe.FailLatestInvoiceAsync(subscription)).OkAsync();
        var planAfterFailedInvoice = await PlanAsync(org);
        var pastDue = await api.Client.GetAsync($"/api/orgs/{org}/subscription").OkAsync();
        var deleted = await api.Stripe.EndSubscriptionAsync(subscription);
        await api.DeliverAsync(deleted).OkAsync();
        var planAfterDeletion = await PlanAsync(org);
        using var third = await AddPropertyAsync(org, "third");
        var state = await api.Database.FingerprintAsync();
        var replay = await api.DeliverAsync(deleted).OkAsync();

        Assert.Equal(HttpStatusCode.Forbidden, beyondFree.StatusCode);
        Assert.Equal("Incomplete", started.GetProperty("billing").GetProperty("subscription").GetProperty("status").GetString());
        Assert.NotNull(started.GetProperty("clientSecret").GetString());
        Assert.Equal("Free", planBeforePayment);
        Assert.Equal("Standard", planAfterPayment);
        Assert.Equal(HttpStatusCode.Created, annex.StatusCode);
        Assert.Equal("Standard", planAfterFailedInvoice);
        Assert.Equal("PastDue", pastDue.GetProperty("subscription").GetProperty("status").GetString());
        Assert.Single(pastDue.GetProperty("invoiceFailures").EnumerateArray());
        Assert.Equal("Free", planAfterDeletion);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal(ApiFixture.Problems + "plan-limit", (await third.ReadAsync()).ProblemType());
        Assert.True(replay.GetProperty("duplicate").GetBoolean());
        Assert.Equal(state, await api.Database.FingerprintAsync());
    }

    [Fact]
    public async Task Subscribing_again_returns_the_same_subscription_and_sends_idempotency_keys()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);

        var first = await api.Client.PostAsync($"/api/orgs/{org}/subscription", new { plan = "Premium" }).OkAsync();
        var second = await api.Client.PostAsync($"/api/orgs/{org}/subscription", new { plan = "Premium" }).OkAsync();
        using var otherPlan = await api.Client.PostAsync($"/api/orgs/{org}/subscription", new { plan = "Standard" });

        var id = first.GetProperty("billing").GetProperty("subscription").GetProperty("id").GetString();
        Assert.Equal(id, second.GetProperty("billing").GetProperty("subscription").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, otherPlan.StatusCode);
        var customer = Assert.Single(api.Posts("/v1/customers"), r => r.Field("metadata[org_id]") == org);
        Assert.Equal($"org:{org}:customer", customer.IdempotencyKey);
        var created = Assert.Single(api.Posts("/v1/subscriptions"), r => r.Field("metadata[org_id]") == org);
        Assert.Equal($"org:{org}:subscription:1", created.IdempotencyKey);
        Assert.Equal("price_premium_monthly", created.Field("items[0][price]"));
        Assert.Equal("Premium", created.Field("metadata[plan]"));
    }

    [Fact]
    public async Task Cancelling_the_subscription_puts_the_organization_on_free_at_once_and_stripes_own_notice_changes_nothing()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        var started = await api.Client.PostAsync($"/api/orgs/{org}/subscription", new { plan = "Standard" }).OkAsync();
        var subscription = started.GetProperty("billing").GetProperty("subscription").GetProperty("id").GetString()!;
        await api.DeliverAsync(await api.Stripe.PayLatestInvoiceAsync(subscription)).OkAsync();
        var planWhilePaid = await PlanAsync(org);

        var cancelled = await api.Client.DeleteAsync($"/api/orgs/{org}/subscription").OkAsync();
        var planAfterCancel = await PlanAsync(org);
        var billing = await api.Client.GetAsync($"/api/orgs/{org}/subscription").OkAsync();
        var notice = await api.DeliverAsync(api.EventFor("customer.subscription.deleted", subscription)).OkAsync();

        Assert.Equal("Standard", planWhilePaid);
        Assert.Equal("Ended", cancelled.GetProperty("subscription").GetProperty("status").GetString());
        Assert.Equal("Free", planAfterCancel);
        Assert.False(notice.GetProperty("duplicate").GetBoolean());
        Assert.Equal(billing.GetRawText(), (await api.Client.GetAsync($"/api/orgs/{org}/subscription").OkAsync()).GetRawText());
        Assert.Equal("Free", await PlanAsync(org));
    }

    private async Task<string> PlanAsync(string org) =>
        (await api.Client.GetAsync($"/api/orgs/{org}").OkAsync()).GetProperty("plan").GetString()!;

    private Task<HttpResponseMessage> AddPropertyAsync(string org, string id) =>
        api.Client.PostAsync($"/api/orgs/{org}/properties", new
        {
            id,
            settings = ApiFixture.PropertySettings("Another"),
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 100m } },
        });
}
