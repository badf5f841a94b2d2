using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Actors.StripeStub;

/// <summary>
/// The stub's Stripe objects, per account (API key), and what each call does to them; the events it
/// generates are kept for the test to deliver. Not thread-safe: the server runs one call at a time.
/// </summary>
internal sealed class StubLedger(TimeProvider time)
{
    // The version Stripe.net 53.1.0 pins (StripeConfiguration.ApiVersion); its models read this shape.
    public const string ApiVersion = "2026-10-28.endive";

    private readonly Dictionary<string, JsonObject> objects = [];
    private readonly Dictionary<string, string> owners = [];
    private readonly Dictionary<string, long> refunded = [];
    private readonly Dictionary<string, long> prices = [];

    private readonly List<StubEvent> events = [];
    private readonly Lock eventsLock = new();

    /// <summary>The events so far; safe to call while a request runs.</summary>
    public IReadOnlyList<StubEvent> Events()
    {
        lock (eventsLock)
        {
            return [.. events];
        }
    }

    public long DefaultPriceAmount { get; set; } = 2900;

    public IEnumerable<JsonObject> ObjectsOf(string type) => objects.Values.Where(o => o["object"]?.GetValue<string>() == type);

    public string? OwnerOf(string id) => owners.GetValueOrDefault(id);

    public void SetPrice(string price, long amount) => prices[price] = amount;

    public StubResult CreatePaymentIntent(string account, JsonObject form)
    {
        if (Amount(form, "amount") is not { } amount)
        {
            return form["amount"] is null ? StubResult.Missing("amount") : InvalidInteger("amount");
        }

        if (Text(form, "currency") is not { Length: 3 } currency)
        {
            return StubResult.Missing("currency");
        }

        var id = NewId("pi");
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = 0,
            ["currency"] = currency.ToLowerInvariant(),
            ["status"] = "requires_payment_method",
            ["client_secret"] = $"{id}_secret_{Random(24)}",
            ["created"] = Now,
            ["livemode"] = false,
            ["description"] = Text(form, "description"),
            ["receipt_email"] = Text(form, "receipt_email"),
            ["metadata"] = Metadata(form),
            // Form values are strings on the wire; Stripe answers with JSON types (Stripe.net refuses a string here).
            ["automatic_payment_methods"] = form["automatic_payment_methods"] is JsonObject automatic
                ? new JsonObject { ["enabled"] = Text(automatic, "enabled") == "true" }
                : null,
            ["payment_method"] = null,
            ["latest_charge"] = null,
            ["last_payment_error"] = null,
        };
        Add(account, intent);
        if (Text(form, "confirm") == "true")
        {
            return Confirm(account, intent, Text(form, "payment_method"));
        }

        return StubResult.Ok(intent);
    }

    public StubResult RetrievePaymentIntent(string account, string id) =>
        Find(account, id, "payment_intent") is { } intent ? StubResult.Ok(intent) : StubResult.NoSuch("payment_intent", id);

    public StubResult ConfirmPaymentIntent(string account, string id, JsonObject form) =>
        Find(account, id, "payment_intent") is { } intent ? Confirm(account, intent, Text(form, "payment_method")) : StubResult.NoSuch("payment_intent", id);

    /// <summary>
    /// The test card rules: pm_card_chargeDeclined (generic_decline),
    /// pm_card_chargeDeclinedInsufficientFunds (insufficient_funds) and pm_card_chargeDeclinedExpiredCard
    /// (expired_card) are declined with 402 card_error; any other pm_... succeeds.
    /// </summary>
    public StubResult Confirm(string account, JsonObject intent, string? paymentMethod)
    {
        if (intent["status"]!.GetValue<string>() is "succeeded" or "canceled")
        {
            return StubResult.Error(400, "invalid_request_error", $"This PaymentIntent's status is {intent["status"]}, so it cannot be confirmed.", "payment_intent_unexpected_state", more: e => e["payment_intent"] = intent.DeepClone());
        }

        paymentMethod ??= intent["payment_method"]?.GetValue<string>();
        if (paymentMethod is null)
        {
            return StubResult.Missing("payment_method");
        }

        var charge = NewId("ch");
        intent["payment_method"] = paymentMethod;
        intent["latest_charge"] = charge;
        var decline = paymentMethod switch
        {
            "pm_card_chargeDeclined" => ("card_declined", "generic_decline"),
            "pm_card_chargeDeclinedInsufficientFunds" => ("card_declined", "insufficient_funds"),
            "pm_card_chargeDeclinedExpiredCard" => ("expired_card", "expired_card"),
            _ => ((string, string)?)null,
        };
        if (decline is var (code, declineCode))
        {
            var error = new JsonObject
            {
                ["type"] = "card_error",
                ["code"] = code,
                ["decline_code"] = declineCode,
                ["message"] = code == "expired_card" ? "Your card has expired." : "Your card was declined.",
                ["charge"] = charge,
                ["payment_method"] = new JsonObject { ["id"] = paymentMethod, ["object"] = "payment_method", ["type"] = "card" },
            };
            intent["status"] = "requires_payment_method";
            intent["last_payment_error"] = error.DeepClone();
            Emit(account, "payment_intent.payment_failed", intent);
            error["payment_intent"] = intent.DeepClone();
            return new StubResult(402, new JsonObject { ["error"] = error });
        }

        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.DeepClone();
        intent["last_payment_error"] = null;
        Emit(account, "charge.succeeded", new JsonObject { ["id"] = charge, ["object"] = "charge", ["payment_intent"] = intent["id"]!.DeepClone(), ["amount"] = intent["amount"]!.DeepClone() });
        Emit(account, "payment_intent.succeeded", intent);
        return StubResult.Ok(intent);
    }

    public StubResult CreateRefund(string account, JsonObject form)
    {
        if (Text(form, "payment_intent") is not { } intentId)
        {
            return StubResult.Missing("payment_intent");
        }

        if (Find(account, intentId, "payment_intent") is not { } intent)
        {
            return StubResult.NoSuch("payment_intent", intentId, "payment_intent");
        }

        if (intent["status"]!.GetValue<string>() != "succeeded")
        {
            return StubResult.Error(400, "invalid_request_error", $"PaymentIntent {intentId} does not have a successful charge to refund.", "charge_not_refundable");
        }

        var received = intent["amount_received"]!.GetValue<long>();
        var left = received - refunded.GetValueOrDefault(intentId);
        if (left <= 0)
        {
            return StubResult.Error(400, "invalid_request_error", $"Charge {intent["latest_charge"]} has already been refunded.", "charge_already_refunded");
        }

        var amount = form["amount"] is null ? left : Amount(form, "amount");
        if (amount is null)
        {
            return InvalidInteger("amount");
        }

        if (amount > left)
        {
            return StubResult.Error(400, "invalid_request_error", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({left}).", "amount_too_large", "amount");
        }

        refunded[intentId] = refunded.GetValueOrDefault(intentId) + amount.Value;
        var refund = new JsonObject
        {
            ["id"] = NewId("re"),
            ["object"] = "refund",
            ["amount"] = amount.Value,
            ["currency"] = intent["currency"]!.DeepClone(),
            ["payment_intent"] = intentId,
            ["charge"] = intent["latest_charge"]!.DeepClone(),
            ["reason"] = Text(form, "reason"),
            ["status"] = "succeeded",
            ["metadata"] = Metadata(form),
            ["created"] = Now,
        };
        Add(account, refund);
        Emit(account, "refund.created", refund);
        return StubResult.Ok(refund);
    }

    public StubResult CreateCustomer(string account, JsonObject form)
    {
        var customer = new JsonObject
        {
            ["id"] = NewId("cus"),
            ["object"] = "customer",
            ["name"] = Text(form, "name"),
            ["email"] = Text(form, "email"),
            ["metadata"] = Metadata(form),
            ["created"] = Now,
        };
        Add(account, customer);
        return StubResult.Ok(customer);
    }

    /// <summary>
    /// Subscriptions start incomplete, waiting for the first invoice to be paid (see PayLatestInvoice); with
    /// trial_period_days they start trialing, with a paid invoice for nothing and, under
    /// payment_behavior=default_incomplete, a SetupIntent pending to save a card (see SaveCard, EndTrial).
    /// </summary>
    public StubResult CreateSubscription(string account, JsonObject form)
    {
        if (Text(form, "customer") is not { } customerId)
        {
            return StubResult.Missing("customer");
        }

        if (Find(account, customerId, "customer") is null)
        {
            return StubResult.NoSuch("customer", customerId, "customer");
        }

        if (form["items"]?[0]?["price"]?.GetValue<string>() is not { } price)
        {
            return StubResult.Missing("items[0][price]");
        }

        long? trialDays = null;
        if (form["trial_period_days"] is not null)
        {
            if (Text(form, "trial_period_days") is not { } text || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                return InvalidInteger("trial_period_days");
            }

            trialDays = days;
        }

        var id = NewId("sub");
        var metadata = Metadata(form);
        var trialing = trialDays > 0;
        var invoice = NewInvoice(account, customerId, id, metadata, trialing ? 0 : prices.GetValueOrDefault(price, DefaultPriceAmount));
        if (trialing)
        {
            invoice["status"] = "paid";
            invoice["confirmation_secret"] = null;
        }

        JsonObject? setupIntent = null;
        if (trialing && Text(form, "payment_behavior") == "default_incomplete")
        {
            var setupId = NewId("seti");
            setupIntent = new JsonObject
            {
                ["id"] = setupId,
                ["object"] = "setup_intent",
                ["customer"] = customerId,
                ["status"] = "requires_payment_method",
                ["usage"] = "off_session",
                ["client_secret"] = $"{setupId}_secret_{Random(24)}",
                ["created"] = Now,
            };
            Add(account, setupIntent);
        }

        var subscription = new JsonObject
        {
            ["id"] = id,
            ["object"] = "subscription",
            ["customer"] = customerId,
            ["status"] = trialing ? "trialing" : "incomplete",
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject { ["id"] = NewId("si"), ["object"] = "subscription_item", ["price"] = new JsonObject { ["id"] = price } }),
            },
            ["metadata"] = metadata,
            ["latest_invoice"] = invoice["id"]!.DeepClone(),
            ["pending_setup_intent"] = setupIntent?["id"]?.DeepClone(),
            ["default_payment_method"] = null,
            ["trial_start"] = trialing ? Now : null,
            ["trial_end"] = trialing ? Now + (trialDays!.Value * 86400) : null,
            ["trial_settings"] = new JsonObject
            {
                ["end_behavior"] = new JsonObject
                {
                    ["missing_payment_method"] = form["trial_settings"]?["end_behavior"]?["missing_payment_method"]?.GetValue<string>() ?? "create_invoice",
                },
            },
            ["canceled_at"] = null,
            ["created"] = Now,
        };
        Add(account, subscription);
        Emit(account, "customer.subscription.created", subscription);
        var answer = (JsonObject)subscription.DeepClone();
        var expand = form["expand"] is JsonArray list ? list.Select(e => e?.GetValue<string>() ?? "").ToList() : [];
        if (expand.Any(path => path.StartsWith("latest_invoice", StringComparison.Ordinal)))
        {
            answer["latest_invoice"] = invoice.DeepClone();
        }

        if (expand.Contains("pending_setup_intent") && setupIntent is not null)
        {
            answer["pending_setup_intent"] = setupIntent.DeepClone();
        }

        return StubResult.Ok(answer);
    }

    /// <summary>The customer's invoices, newest first, as a list object; customer and limit filter as Stripe's do.</summary>
    public StubResult ListInvoices(string account, JsonObject query)
    {
        var customer = Text(query, "customer");
        var limit = Text(query, "limit") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? n : 10;
        var invoices = ObjectsOf("invoice")
            .Where(i => owners[i["id"]!.GetValue<string>()] == account && (customer is null || i["customer"]?.GetValue<string>() == customer))
            .Reverse()
            .ToList();
        return StubResult.Ok(new JsonObject
        {
            ["object"] = "list",
            ["url"] = "/v1/invoices",
            ["has_more"] = invoices.Count > limit,
            ["data"] = new JsonArray([.. invoices.Take(limit).Select(i => i.DeepClone())]),
        });
    }

    /// <summary>A customer portal session: a single-use URL for the customer, who must exist.</summary>
    public StubResult CreatePortalSession(string account, JsonObject form)
    {
        if (Text(form, "customer") is not { } customerId)
        {
            return StubResult.Missing("customer");
        }

        if (Find(account, customerId, "customer") is null)
        {
            return StubResult.NoSuch("customer", customerId, "customer");
        }

        var session = new JsonObject
        {
            ["id"] = NewId("bps"),
            ["object"] = "billing_portal.session",
            ["customer"] = customerId,
            ["return_url"] = Text(form, "return_url"),
            ["url"] = $"https://billing.stripe.com/p/session/test_{Random(32)}",
            ["livemode"] = false,
            ["created"] = Now,
        };
        Add(account, session);
        return StubResult.Ok(session);
    }

    /// <summary>The customer saves a card through the pending SetupIntent; it becomes the subscription's default.</summary>
    public StubEvent SaveCard(string subscriptionId, string paymentMethod)
    {
        var (account, subscription, _) = Latest(subscriptionId);
        subscription["default_payment_method"] = paymentMethod;
        if (subscription["pending_setup_intent"]?.GetValue<string>() is { } setupId && Find(account, setupId, "setup_intent") is { } setupIntent)
        {
            setupIntent["status"] = "succeeded";
            setupIntent["payment_method"] = paymentMethod;
            subscription["pending_setup_intent"] = null;
            return Emit(account, "setup_intent.succeeded", setupIntent);
        }

        return Emit(account, "customer.subscription.updated", subscription);
    }

    /// <summary>Three days before the end, Stripe warns: customer.subscription.trial_will_end.</summary>
    public StubEvent TrialWillEnd(string subscriptionId)
    {
        var (account, subscription, _) = Latest(subscriptionId);
        return Emit(account, "customer.subscription.trial_will_end", subscription);
    }

    /// <summary>
    /// The trial ends: with a saved card the first real invoice is paid and the subscription is active;
    /// without one, under missing_payment_method=pause, it is paused (Stripe sends .paused, then .updated).
    /// Returns the customer.subscription.updated event.
    /// </summary>
    public StubEvent EndTrial(string subscriptionId)
    {
        var (account, subscription, _) = Latest(subscriptionId);
        if (subscription["status"]!.GetValue<string>() != "trialing")
        {
            throw new InvalidOperationException($"Subscription {subscriptionId} is not trialing.");
        }

        subscription["trial_end"] = Now;
        if (subscription["default_payment_method"] is not null)
        {
            var price = subscription["items"]!["data"]![0]!["price"]!["id"]!.GetValue<string>();
            var invoice = NewInvoice(account, subscription["customer"]!.GetValue<string>(), subscriptionId, (JsonObject)subscription["metadata"]!, prices.GetValueOrDefault(price, DefaultPriceAmount));
            invoice["status"] = "paid";
            invoice["amount_paid"] = invoice["amount_due"]!.DeepClone();
            invoice["attempt_count"] = 1;
            subscription["latest_invoice"] = invoice["id"]!.DeepClone();
            subscription["status"] = "active";
            Emit(account, "invoice.paid", invoice);
            Emit(account, "invoice.payment_succeeded", invoice);
        }
        else if (subscription["trial_settings"]?["end_behavior"]?["missing_payment_method"]?.GetValue<string>() == "pause")
        {
            subscription["status"] = "paused";
            Emit(account, "customer.subscription.paused", subscription);
        }
        else
        {
            throw new InvalidOperationException("Only trials that pause without a card, or have one, are modelled.");
        }

        return Emit(account, "customer.subscription.updated", subscription);
    }

    public StubResult RetrieveSubscription(string account, string id) =>
        Find(account, id, "subscription") is { } subscription ? StubResult.Ok(subscription) : StubResult.NoSuch("subscription", id);

    public StubResult CancelSubscription(string account, string id)
    {
        if (Find(account, id, "subscription") is not { } subscription || subscription["status"]!.GetValue<string>() == "canceled")
        {
            return StubResult.NoSuch("subscription", id);
        }

        End(account, subscription);
        return StubResult.Ok(subscription);
    }

    public StubEvent PayLatestInvoice(string subscriptionId)
    {
        var (account, subscription, invoice) = Latest(subscriptionId);
        invoice["status"] = "paid";
        invoice["amount_paid"] = invoice["amount_due"]!.DeepClone();
        invoice["attempt_count"] = invoice["attempt_count"]!.GetValue<int>() + 1;
        var changed = subscription["status"]!.GetValue<string>() != "active";
        subscription["status"] = "active";
        if (changed)
        {
            Emit(account, "customer.subscription.updated", subscription);
        }

        Emit(account, "invoice.paid", invoice);
        return Emit(account, "invoice.payment_succeeded", invoice);
    }

    public StubEvent FailLatestInvoice(string subscriptionId)
    {
        var (account, subscription, invoice) = Latest(subscriptionId);
        if (invoice["status"]!.GetValue<string>() == "paid")
        {
            // The latest is settled: the next period's invoice is the one that fails.
            var price = subscription["items"]!["data"]![0]!["price"]!["id"]!.GetValue<string>();
            invoice = NewInvoice(account, subscription["customer"]!.GetValue<string>(), subscriptionId, (JsonObject)subscription["metadata"]!, prices.GetValueOrDefault(price, DefaultPriceAmount));
            subscription["latest_invoice"] = invoice["id"]!.DeepClone();
        }

        invoice["attempt_count"] = invoice["attempt_count"]!.GetValue<int>() + 1;
        if (subscription["status"]!.GetValue<string>() == "active")
        {
            subscription["status"] = "past_due";
            Emit(account, "customer.subscription.updated", subscription);
        }

        return Emit(account, "invoice.payment_failed", invoice);
    }

    /// <summary>Smart Retries are spent and the account's settings say "mark the subscription as unpaid"; returns customer.subscription.updated.</summary>
    public StubEvent MarkUnpaid(string subscriptionId)
    {
        var (account, subscription, _) = Latest(subscriptionId);
        subscription["status"] = "unpaid";
        return Emit(account, "customer.subscription.updated", subscription);
    }

    /// <summary>The subscription ends as when Stripe gives up collecting, or someone cancels it in the dashboard.</summary>
    public StubEvent EndSubscription(string subscriptionId)
    {
        var (account, subscription, _) = Latest(subscriptionId);
        return End(account, subscription);
    }

    /// <summary>Confirms as the guest's browser would; returns the event it caused (payment_intent.succeeded or .payment_failed).</summary>
    public StubEvent ConfirmAsGuest(string intentId, string paymentMethod)
    {
        var account = OwnerOf(intentId) ?? throw new InvalidOperationException($"No payment intent {intentId}.");
        var result = Confirm(account, Find(account, intentId, "payment_intent")!, paymentMethod);
        return result.Status is 200 or 402
            ? Events()[^1]
            : throw new InvalidOperationException($"Confirming {intentId} failed: {result.Body.ToJsonString()}");
    }

    private JsonObject NewInvoice(string account, string customerId, string subscriptionId, JsonObject metadata, long amount)
    {
        var invoice = new JsonObject
        {
            ["id"] = NewId("in"),
            ["object"] = "invoice",
            ["customer"] = customerId,
            ["number"] = $"STUB-{objects.Count + 1:D4}",
            ["status"] = "open",
            ["currency"] = "eur",
            ["amount_due"] = amount,
            ["amount_paid"] = 0,
            ["attempt_count"] = 0,
            ["hosted_invoice_url"] = $"https://invoice.stripe.com/i/test_{Random(24)}",
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = subscriptionId, ["metadata"] = metadata.DeepClone() },
            },
            ["confirmation_secret"] = new JsonObject { ["type"] = "payment_intent", ["client_secret"] = $"{NewId("pi")}_secret_{Random(24)}" },
            ["created"] = Now,
        };
        Add(account, invoice);
        return invoice;
    }

    private StubEvent End(string account, JsonObject subscription)
    {
        subscription["status"] = "canceled";
        subscription["canceled_at"] = Now;
        return Emit(account, "customer.subscription.deleted", subscription);
    }

    private (string Account, JsonObject Subscription, JsonObject Invoice) Latest(string subscriptionId)
    {
        var account = OwnerOf(subscriptionId) ?? throw new InvalidOperationException($"No subscription {subscriptionId}.");
        var subscription = Find(account, subscriptionId, "subscription")!;
        var invoice = Find(account, subscription["latest_invoice"]!.GetValue<string>(), "invoice")!;
        return (account, subscription, invoice);
    }

    private StubEvent Emit(string account, string type, JsonObject snapshot)
    {
        var id = NewId("evt");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Now,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = snapshot.DeepClone() },
        };
        var stubEvent = new StubEvent(id, type, account, snapshot["id"]!.GetValue<string>(), json.ToJsonString());
        lock (eventsLock)
        {
            events.Add(stubEvent);
        }

        return stubEvent;
    }

    private void Add(string account, JsonObject stripeObject)
    {
        var id = stripeObject["id"]!.GetValue<string>();
        objects[id] = stripeObject;
        owners[id] = account;
    }

    // Objects of another account do not exist for this key, as with Stripe.
    private JsonObject? Find(string account, string id, string type) =>
        objects.TryGetValue(id, out var found) && owners[id] == account && found["object"]?.GetValue<string>() == type ? found : null;

    private long Now => time.GetUtcNow().ToUnixTimeSeconds();

    private static JsonObject Metadata(JsonObject form) => form["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : [];

    private static string? Text(JsonObject form, string name) => form[name] is JsonValue value ? value.GetValue<string>() : null;

    private static long? Amount(JsonObject form, string name) =>
        Text(form, name) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0 ? amount : null;

    private static StubResult InvalidInteger(string param) =>
        StubResult.Error(400, "invalid_request_error", $"Invalid positive integer: {param}", "parameter_invalid_integer", param);

    private static string NewId(string prefix) => $"{prefix}_{Random(24)}";

    private static string Random(int length) => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
