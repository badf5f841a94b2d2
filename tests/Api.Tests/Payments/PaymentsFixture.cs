using System.Net.Http.Json;
using System.Text.Json;
using Actors.StripeStub;
using Xunit;

namespace Actors.Api.Tests.Payments;

/// <summary>The real app on a fresh database, talking to a local Stripe stub instead of Stripe.</summary>
public class PaymentsFixture : ApiFixture, IAsyncLifetime
{
    public const string PlatformKey = "sk_test_platform_51Hx";
    public const string WebhookSecret = "whsec_platform_test_secret";

    private StripeStubServer? stripe;

    public StripeStubServer Stripe => stripe!;

    public Uri Webhook => new(App.Address, "/api/webhooks/stripe");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Payments:Stripe:ApiBase"] = Stripe.Address.ToString(),
                ["Payments:Stripe:SecretKey"] = PlatformKey,
                ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
                ["Payments:Stripe:Prices:Standard"] = "price_standard_monthly",
                ["Payments:Stripe:Prices:Premium"] = "price_premium_monthly",
            };
            foreach (var (key, value) in MoreSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        stripe = await StripeStubServer.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (stripe is not null)
        {
            await stripe.DisposeAsync();
        }
    }

    /// <summary>An organization with the test hotel and a held booking of room d1 for the nights [from, to) at 100 EUR a night.</summary>
    public async Task<(string Org, string Booking)> HoldAsync(int from, int to)
    {
        var org = await OpenHotelAsync(doubles: 1, suites: 0);
        var held = await Client.PostAsync($"/api/orgs/{org}/bookings", Stay("d1", from, to)).OkAsync();
        return (org, held.GetProperty("id").GetString()!);
    }

    public Task<HttpResponseMessage> PayAsync(string org, string booking, string? paymentMethod = null, string? idempotencyKey = null, HttpClient? client = null) =>
        (client ?? Client).PostAsync($"/api/orgs/{org}/bookings/{booking}/payment", paymentMethod is null ? null : new { paymentMethod }, idempotencyKey);

    public Task<JsonElement> BookingAsync(string org, string booking) => Client.GetAsync($"/api/orgs/{org}/bookings/{booking}").OkAsync();

    public Task<JsonElement> PaymentAsync(string org, string booking) => Client.GetAsync($"/api/orgs/{org}/bookings/{booking}/payment").OkAsync();

    /// <summary>Delivers an event to the platform's webhook, signed now (or at <paramref name="signedAt"/>) with the platform's secret.</summary>
    public Task<HttpResponseMessage> DeliverAsync(StubEvent stubEvent, DateTimeOffset? signedAt = null) =>
        Stripe.DeliverAsync(stubEvent, Webhook, WebhookSecret, signedAt);

    public StubEvent EventFor(string type, string objectId) => Stripe.Events.Last(e => e.Type == type && e.ObjectId == objectId);

    public async Task<IReadOnlyList<JsonElement>> IntentsForAsync(string booking) =>
        [.. (await Stripe.ObjectsAsync("payment_intent"))
            .Select(o => JsonSerializer.Deserialize<JsonElement>(o.ToJsonString()))
            .Where(o => o.GetProperty("metadata").TryGetProperty("booking_id", out var id) && id.GetString() == booking)];

    /// <summary>The organization's plan as its members see it.</summary>
    public async Task<string> PlanAsync(string org) =>
        (await Client.GetAsync($"/api/orgs/{org}").OkAsync()).GetProperty("plan").GetString()!;

    /// <summary>Opens another property, which the plan's limits may refuse.</summary>
    public Task<HttpResponseMessage> AddPropertyAsync(string org, string id) =>
        Client.PostAsync($"/api/orgs/{org}/properties", new
        {
            id,
            settings = PropertySettings("Another"),
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 100m } },
        });

    /// <summary>Subscribes to a plan and returns the subscription's id.</summary>
    public async Task<(string Subscription, JsonElement Started)> SubscribeAsync(string org, string plan)
    {
        var started = await Client.PostAsync($"/api/orgs/{org}/subscription", new { plan }).OkAsync();
        return (started.GetProperty("billing").GetProperty("subscription").GetProperty("id").GetString()!, started);
    }

    public Task<JsonElement> BillingAsync(string org) => Client.GetAsync($"/api/orgs/{org}/billing").OkAsync();

    public IReadOnlyList<RecordedRequest> Posts(string path) => [.. Stripe.Requests.Where(r => r.Method == "POST" && r.Path == path)];
}
