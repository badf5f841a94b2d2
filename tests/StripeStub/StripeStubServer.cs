using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Actors.StripeStub;

/// <summary>
/// A Stripe-shaped HTTP server on Kestrel at 127.0.0.1 on a free port, for the calls the platform
/// makes: PaymentIntents (create, retrieve, confirm), refunds, customers, subscriptions (create, with
/// trials, retrieve, cancel), invoices (list) and customer portal sessions. Like Stripe it takes
/// form-encoded bodies with bracket notation (query strings for GET and DELETE), answers JSON objects
/// or {"error":{...}}, wants "Authorization: Bearer sk_test_..." (401 otherwise; each key is
/// its own account), and honours Idempotency-Key: the same key with the same parameters gets the first
/// answer again, with different ones a 400 idempotency_error. Requests with one key run one at a time,
/// so a racing retry gets the replay rather than Stripe's 409. Every request is recorded, and events
/// are generated for the test to deliver, signed, to a webhook.
/// </summary>
public sealed class StripeStubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly StubLedger ledger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock recording = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly Dictionary<(string ApiKey, string Key), Saved> idempotency = [];
    private readonly HttpClient webhooks = new() { Timeout = TimeSpan.FromSeconds(60) };
    private string? dropNextResponseTo;

    private StripeStubServer(WebApplication app, StubLedger ledger)
    {
        this.app = app;
        this.ledger = ledger;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (recording)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Every event generated so far, oldest first.</summary>
    public IReadOnlyList<StubEvent> Events => ledger.Events();

    public static async Task<StripeStubServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StripeStubServer(app, new StubLedger(time ?? TimeProvider.System));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>The next request to a path starting with <paramref name="pathPrefix"/> is carried out (and its result saved under its key) but the connection is cut before the answer: a lost response.</summary>
    public void DropNextResponse(string pathPrefix) => dropNextResponseTo = pathPrefix;

    /// <summary>The objects of a type ("payment_intent", "refund", "customer", "subscription", "invoice"), as JSON.</summary>
    public async Task<IReadOnlyList<JsonObject>> ObjectsAsync(string type)
    {
        await gate.WaitAsync();
        try
        {
            return [.. ledger.ObjectsOf(type).Select(o => (JsonObject)o.DeepClone())];
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What the guest's browser does with Stripe.js and the client secret: confirms the intent with a payment method.</summary>
    public Task<StubEvent> ConfirmAsGuestAsync(string intentId, string paymentMethod) =>
        LockedAsync(() => ledger.ConfirmAsGuest(intentId, paymentMethod));

    /// <summary>The customer pays the subscription's open invoice; returns the invoice.payment_succeeded event.</summary>
    public Task<StubEvent> PayLatestInvoiceAsync(string subscriptionId) => LockedAsync(() => ledger.PayLatestInvoice(subscriptionId));

    /// <summary>A collection attempt of the open invoice fails; returns the invoice.payment_failed event.</summary>
    public Task<StubEvent> FailLatestInvoiceAsync(string subscriptionId) => LockedAsync(() => ledger.FailLatestInvoice(subscriptionId));

    /// <summary>Stripe stops retrying and marks the subscription unpaid; returns customer.subscription.updated.</summary>
    public Task<StubEvent> MarkUnpaidAsync(string subscriptionId) => LockedAsync(() => ledger.MarkUnpaid(subscriptionId));

    /// <summary>Stripe ends the subscription (dunning gave up, or cancelled in the dashboard); returns customer.subscription.deleted.</summary>
    public Task<StubEvent> EndSubscriptionAsync(string subscriptionId) => LockedAsync(() => ledger.EndSubscription(subscriptionId));

    /// <summary>The customer saves a card for the subscription (Stripe.js with the pending SetupIntent's secret).</summary>
    public Task<StubEvent> SaveCardAsync(string subscriptionId, string paymentMethod = "pm_card_visa") => LockedAsync(() => ledger.SaveCard(subscriptionId, paymentMethod));

    /// <summary>Stripe's warning three days before a trial ends; returns customer.subscription.trial_will_end.</summary>
    public Task<StubEvent> TrialWillEndAsync(string subscriptionId) => LockedAsync(() => ledger.TrialWillEnd(subscriptionId));

    /// <summary>The trial's end comes now: active with a saved card, paused without; returns customer.subscription.updated.</summary>
    public Task<StubEvent> EndTrialAsync(string subscriptionId) => LockedAsync(() => ledger.EndTrial(subscriptionId));

    /// <summary>Sets what a price costs per period (default 2900 minor units).</summary>
    public Task SetPriceAsync(string price, long amount) => LockedAsync(() =>
    {
        ledger.SetPrice(price, amount);
        return true;
    });

    /// <summary>Delivers an event as Stripe does: its JSON as the body, signed with <paramref name="secret"/> at <paramref name="signedAt"/> (now by default).</summary>
    public Task<HttpResponseMessage> DeliverAsync(StubEvent stubEvent, Uri endpoint, string secret, DateTimeOffset? signedAt = null) =>
        PostWebhookAsync(endpoint, stubEvent.Json, WebhookSigner.Header(stubEvent.Json, secret, signedAt ?? DateTimeOffset.UtcNow));

    /// <summary>Posts any body with any Stripe-Signature header (none when null), for deliveries that must be refused.</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(Uri endpoint, string payload, string? signatureHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(payload, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
        };
        if (signatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        }

        request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        return webhooks.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        webhooks.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        gate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var method = request.Method;
        var path = request.Path.Value ?? "/";
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        // Libraries send GET and DELETE parameters in the query string, POST parameters in the body.
        var pairs = FormBody.Pairs((request.QueryString.Value ?? "").TrimStart('?'));
        pairs.AddRange(FormBody.Pairs(body));
        var apiKey = ApiKeyOf(request);

        StubResult result;
        var replayed = false;
        var drop = false;
        if (apiKey is null || !(apiKey.StartsWith("sk_test_", StringComparison.Ordinal) || apiKey.StartsWith("rk_test_", StringComparison.Ordinal)))
        {
            result = StubResult.Error(
                401,
                "invalid_request_error",
                apiKey is null ? "You did not provide an API key. Provide it in the Authorization header, using Bearer auth." : $"Invalid API Key provided: {Masked(apiKey)}");
        }
        else
        {
            await gate.WaitAsync();
            try
            {
                (result, replayed) = Execute(apiKey, method, path, idempotencyKey, pairs);
                if (dropNextResponseTo is { } prefix && path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    dropNextResponseTo = null;
                    drop = true;
                }
            }
            finally
            {
                gate.Release();
            }
        }

        lock (recording)
        {
            requests.Add(new RecordedRequest(method, path, idempotencyKey, apiKey, pairs, result.Status, replayed));
        }

        if (drop)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = result.Status;
        context.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        context.Response.Headers["Stripe-Version"] = StubLedger.ApiVersion;
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
    }

    private (StubResult Result, bool Replayed) Execute(string apiKey, string method, string path, string? idempotencyKey, List<KeyValuePair<string, string>> pairs)
    {
        var canonical = FormBody.Canonical(pairs);
        if (method == "POST" && idempotencyKey is not null && idempotency.TryGetValue((apiKey, idempotencyKey), out var saved))
        {
            return saved.Method == method && saved.Path == path && saved.Parameters == canonical
                ? (saved.Answer, true)
                : (StubResult.Error(
                    400,
                    "idempotency_error",
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{idempotencyKey}' if you meant to execute a different request."), false);
        }

        var result = Route(apiKey, method, path, FormBody.Tree(pairs));
        if (method == "POST" && idempotencyKey is not null && result.Saved)
        {
            idempotency[(apiKey, idempotencyKey)] = new Saved(method, path, canonical, new StubResult(result.Status, (JsonObject)result.Body.DeepClone()));
        }

        return (result, false);
    }

    private StubResult Route(string account, string method, string path, JsonObject form)
    {
        var parts = path.Trim('/').Split('/');
        return (method, parts) switch
        {
            ("POST", ["v1", "payment_intents"]) => ledger.CreatePaymentIntent(account, form),
            ("GET", ["v1", "payment_intents", var id]) => ledger.RetrievePaymentIntent(account, id),
            ("POST", ["v1", "payment_intents", var id, "confirm"]) => ledger.ConfirmPaymentIntent(account, id, form),
            ("POST", ["v1", "refunds"]) => ledger.CreateRefund(account, form),
            ("POST", ["v1", "customers"]) => ledger.CreateCustomer(account, form),
            ("POST", ["v1", "subscriptions"]) => ledger.CreateSubscription(account, form),
            ("GET", ["v1", "subscriptions", var id]) => ledger.RetrieveSubscription(account, id),
            ("DELETE", ["v1", "subscriptions", var id]) => ledger.CancelSubscription(account, id),
            ("GET", ["v1", "invoices"]) => ledger.ListInvoices(account, form),
            ("POST", ["v1", "billing_portal", "sessions"]) => ledger.CreatePortalSession(account, form),
            _ => StubResult.Error(404, "invalid_request_error", $"Unrecognized request URL ({method}: {path}).", "resource_missing"),
        };
    }

    private async Task<T> LockedAsync<T>(Func<T> action)
    {
        await gate.WaitAsync();
        try
        {
            return action();
        }
        finally
        {
            gate.Release();
        }
    }

    // Bearer is what libraries send; curl's "-u sk_test_...:" sends Basic with the key as user name.
    private static string? ApiKeyOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is null)
        {
            return null;
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':')[0];
            }
            catch (FormatException)
            {
                return "";
            }
        }

        return "";
    }

    private static string Masked(string key) => key.Length <= 8 ? "****" : key[..8] + new string('*', Math.Max(0, key.Length - 12)) + key[^4..];

    private sealed record Saved(string Method, string Path, string Parameters, StubResult Answer);
}
