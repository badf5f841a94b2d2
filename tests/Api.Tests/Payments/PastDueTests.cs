using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests.Payments;

/// <summary>
/// An invoice Stripe cannot collect makes the subscription past due: the plan stays for the grace (two
/// seconds here, two weeks by default) while Stripe retries, then the free plan's limits apply until
/// the invoice is paid; when Stripe gives up and marks it unpaid, they apply at once.
/// </summary>
public sealed class PastDueTests(ShortGracePayments api) : IClassFixture<ShortGracePayments>
{
    [Fact]
    public async Task A_past_due_subscription_gets_the_free_plans_limits_after_the_grace_and_its_plan_back_when_paid()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        var (subscription, _) = await api.SubscribeAsync(org, "Standard");
        await api.DeliverAsync(await api.Stripe.PayLatestInvoiceAsync(subscription)).OkAsync();
        using var annex = await api.AddPropertyAsync(org, "annex");

        var failed = await api.Stripe.FailLatestInvoiceAsync(subscription);
        await api.DeliverAsync(failed).OkAsync();
        await api.DeliverAsync(api.EventFor("customer.subscription.updated", subscription)).OkAsync();
        var pastDue = await api.BillingAsync(org);
        var planAfterGrace = await Eventually.Until(() => api.PlanAsync(org), plan => plan == "Free");
        using var third = await api.AddPropertyAsync(org, "third");
        var paid = await api.DeliverAsync(await api.Stripe.PayLatestInvoiceAsync(subscription)).OkAsync();
        var planWhenPaid = await api.PlanAsync(org);

        Assert.Equal(System.Net.HttpStatusCode.Created, annex.StatusCode);
        Assert.Equal("PastDue", pastDue.GetProperty("subscription").GetProperty("status").GetString());
        Assert.True(pastDue.GetProperty("subscription").TryGetProperty("graceEnds", out var graceEnds) && graceEnds.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Single(pastDue.GetProperty("invoiceFailures").EnumerateArray());
        Assert.Equal("Free", planAfterGrace);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal("plan Standard active", paid.GetProperty("outcome").GetString());
        Assert.Equal("Standard", planWhenPaid);
        Assert.Equal(["annex", "hotel"], (await api.Client.GetAsync($"/api/orgs/{org}").OkAsync()).GetProperty("properties").EnumerateArray().Select(p => p.GetString()).Order());
    }

    [Fact]
    public async Task A_subscription_stripe_marks_unpaid_gets_the_free_plans_limits_at_once()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        var (subscription, _) = await api.SubscribeAsync(org, "Premium");
        await api.DeliverAsync(await api.Stripe.PayLatestInvoiceAsync(subscription)).OkAsync();

        var unpaid = await api.DeliverAsync(await api.Stripe.MarkUnpaidAsync(subscription)).OkAsync();

        Assert.Equal("subscription Unpaid", unpaid.GetProperty("outcome").GetString());
        Assert.Equal("Free", await api.PlanAsync(org));
        Assert.Equal("Unpaid", (await api.BillingAsync(org)).GetProperty("subscription").GetProperty("status").GetString());
    }
}
