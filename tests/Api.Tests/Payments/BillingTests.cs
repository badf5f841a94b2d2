using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests.Payments;

/// <summary>An organization's subscription as its owner lives it: a trial, its end, the invoices and Stripe's customer portal.</summary>
public sealed class BillingTests(PaymentsFixture api) : IClassFixture<PaymentsFixture>
{
    [Fact]
    public async Task A_first_subscription_is_a_14_day_trial_with_the_chosen_plans_limits_at_once()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);

        var (subscription, started) = await api.SubscribeAsync(org, "Standard");
        using var annex = await api.AddPropertyAsync(org, "annex");
        var billing = await api.BillingAsync(org);

        Assert.Equal("Trialing", billing.GetProperty("subscription").GetProperty("status").GetString());
        Assert.Equal("Standard", await api.PlanAsync(org));
        Assert.Equal(HttpStatusCode.Created, annex.StatusCode);
        var created = Assert.Single(api.Posts("/v1/subscriptions"), r => r.Field("metadata[org_id]") == org);
        Assert.Equal("14", created.Field("trial_period_days"));
        Assert.Equal("pause", created.Field("trial_settings[end_behavior][missing_payment_method]"));
        var atStripe = (await api.Stripe.ObjectsAsync("subscription")).Single(s => s["id"]!.GetValue<string>() == subscription);
        var trialEnd = atStripe["trial_end"]!.GetValue<long>();
        Assert.Equal(14 * 86400, trialEnd - atStripe["trial_start"]!.GetValue<long>());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(trialEnd), billing.GetProperty("subscription").GetProperty("trialEnd").GetDateTimeOffset());
        Assert.StartsWith("seti_", started.GetProperty("clientSecret").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_that_ends_without_a_card_falls_back_to_the_free_plans_limits_and_keeps_the_data()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        var (subscription, _) = await api.SubscribeAsync(org, "Standard");
        using var annex = await api.AddPropertyAsync(org, "annex");

        var warning = await api.DeliverAsync(await api.Stripe.TrialWillEndAsync(subscription)).OkAsync();
        var planAfterWarning = await api.PlanAsync(org);
        var updated = await api.Stripe.EndTrialAsync(subscription);
        await api.DeliverAsync(api.EventFor("customer.subscription.paused", subscription)).OkAsync();
        await api.DeliverAsync(updated).OkAsync();
        var billing = await api.BillingAsync(org);
        var organization = await api.Client.GetAsync($"/api/orgs/{org}").OkAsync();
        using var third = await api.AddPropertyAsync(org, "third");

        Assert.Equal(HttpStatusCode.Created, annex.StatusCode);
        Assert.Equal("subscription Trialing", warning.GetProperty("outcome").GetString());
        Assert.Equal("Standard", planAfterWarning);
        Assert.Equal("Paused", billing.GetProperty("subscription").GetProperty("status").GetString());
        Assert.Equal("Free", organization.GetProperty("plan").GetString());
        Assert.Equal(["annex", "hotel"], organization.GetProperty("properties").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal(ApiFixture.Problems + "plan-limit", (await third.ReadAsync()).ProblemType());

        // Subscribing again replaces the paused subscription, without a second trial: the plan waits for payment.
        var (again, restarted) = await api.SubscribeAsync(org, "Standard");
        var planBeforePayment = await api.PlanAsync(org);
        await api.DeliverAsync(await api.Stripe.PayLatestInvoiceAsync(again)).OkAsync();

        Assert.NotEqual(subscription, again);
        Assert.Equal("canceled", (await api.Stripe.ObjectsAsync("subscription")).Single(s => s["id"]!.GetValue<string>() == subscription)["status"]!.GetValue<string>());
        Assert.Equal("Incomplete", restarted.GetProperty("billing").GetProperty("subscription").GetProperty("status").GetString());
        Assert.Null(Assert.Single(api.Posts("/v1/subscriptions"), r => r.IdempotencyKey == $"org:{org}:subscription:2").Field("trial_period_days"));
        Assert.Equal("Free", planBeforePayment);
        Assert.Equal("Standard", await api.PlanAsync(org));
    }

    [Fact]
    public async Task A_trial_that_ends_with_a_saved_card_goes_on_with_the_plan()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        var (subscription, _) = await api.SubscribeAsync(org, "Premium");
        await api.Stripe.SaveCardAsync(subscription);

        var updated = await api.Stripe.EndTrialAsync(subscription);
        var paid = api.Stripe.Events.Last(e => e.Type == "invoice.payment_succeeded");
        var invoiceReceipt = await api.DeliverAsync(paid).OkAsync();
        var updateReceipt = await api.DeliverAsync(updated).OkAsync();

        Assert.Equal("plan Premium active", invoiceReceipt.GetProperty("outcome").GetString());
        Assert.Equal("subscription Active", updateReceipt.GetProperty("outcome").GetString());
        Assert.Equal("Active", (await api.BillingAsync(org)).GetProperty("subscription").GetProperty("status").GetString());
        Assert.Equal("Premium", await api.PlanAsync(org));
    }

    [Fact]
    public async Task Owners_see_stripes_invoices_and_get_a_customer_portal_session()
    {
        var org = await api.OpenHotelAsync(plan: "Free", doubles: 1, suites: 0);
        var invoicesBefore = await api.Client.GetAsync($"/api/orgs/{org}/billing/invoices").OkAsync();
        using var portalBefore = await api.Client.PostAsync($"/api/orgs/{org}/billing/portal", null);
        var (subscription, _) = await api.SubscribeAsync(org, "Standard");

        var invoices = await api.Client.GetAsync($"/api/orgs/{org}/billing/invoices").OkAsync();
        var portal = await api.Client.PostAsync($"/api/orgs/{org}/billing/portal", null).OkAsync();
        using var guest = api.App.NewClient();
        using var anonymous = await guest.PostAsync($"/api/orgs/{org}/billing/portal", null);

        Assert.Empty(invoicesBefore.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, portalBefore.StatusCode);
        var trialInvoice = Assert.Single(invoices.EnumerateArray());
        Assert.Equal("paid", trialInvoice.GetProperty("status").GetString());
        Assert.Equal(0, trialInvoice.GetProperty("amountDue").GetInt64());
        Assert.StartsWith("https://invoice.stripe.com/", trialInvoice.GetProperty("hostedInvoiceUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://billing.stripe.com/p/session/", portal.GetProperty("url").GetString(), StringComparison.Ordinal);
        var customer = (await api.BillingAsync(org)).GetProperty("customerId").GetString();
        var session = Assert.Single(api.Posts("/v1/billing_portal/sessions"), r => r.Field("customer") == customer);
        Assert.Equal(new Uri(api.App.Address, "/").ToString(), session.Field("return_url"));
        Assert.False(string.IsNullOrEmpty(session.IdempotencyKey));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotNull(subscription);
    }
}
