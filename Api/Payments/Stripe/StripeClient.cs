using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments.Stripe;

/// <summary>
/// Stripe's HTTP API, the calls the platform makes. The key is per call, since an organization may bring
/// its own account. Every POST takes an idempotency key chosen by the caller from what the operation is
/// (never random), so a retry, ours or a client's, gets the first result instead of a second charge.
/// </summary>
public sealed class StripeClient(HttpClient http, IOptions<StripeOptions> options, ILogger<StripeClient> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public Task<StripePaymentIntent> CreatePaymentIntentAsync(StripeKey key, NewPaymentIntent intent, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("amount", intent.Amount)
            .Add("currency", intent.Currency.ToLowerInvariant())
            .Add("automatic_payment_methods[enabled]", true)
            .Add("description", intent.Description)
            .Add("receipt_email", intent.ReceiptEmail)
            .AddMap("metadata", intent.Metadata);
        return PostAsync<StripePaymentIntent>(key, "/v1/payment_intents", form, idempotencyKey, cancellationToken);
    }

    public Task<StripePaymentIntent> RetrievePaymentIntentAsync(StripeKey key, string id, CancellationToken cancellationToken) =>
        SendAsync<StripePaymentIntent>(key, HttpMethod.Get, $"/v1/payment_intents/{Uri.EscapeDataString(id)}", null, null, cancellationToken);

    /// <summary>Confirms an intent with a payment method on the server (saved cards, tests); browsers confirm with the client secret instead.</summary>
    public Task<StripePaymentIntent> ConfirmPaymentIntentAsync(StripeKey key, string id, string paymentMethod, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("payment_method", paymentMethod)
            .Add("return_url", options.Value.ReturnUrl?.ToString());
        return PostAsync<StripePaymentIntent>(key, $"/v1/payment_intents/{Uri.EscapeDataString(id)}/confirm", form, idempotencyKey, cancellationToken);
    }

    public Task<StripeRefund> CreateRefundAsync(StripeKey key, NewRefund refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("payment_intent", refund.PaymentIntent)
            .Add("amount", refund.Amount)
            .Add("reason", refund.Reason)
            .AddMap("metadata", refund.Metadata);
        return PostAsync<StripeRefund>(key, "/v1/refunds", form, idempotencyKey, cancellationToken);
    }

    public Task<StripeCustomer> CreateCustomerAsync(StripeKey key, NewCustomer customer, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("name", customer.Name)
            .AddMap("metadata", customer.Metadata);
        return PostAsync<StripeCustomer>(key, "/v1/customers", form, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Creates a subscription that waits for its first invoice to be paid (default_incomplete), with
    /// the invoice's confirmation secret expanded so a browser can pay it.
    /// </summary>
    public Task<StripeSubscription> CreateSubscriptionAsync(StripeKey key, NewSubscription subscription, string idempotencyKey, CancellationToken cancellationToken)
    {
        var form = new StripeForm()
            .Add("customer", subscription.Customer)
            .Add("items[0][price]", subscription.Price)
            .Add("payment_behavior", "default_incomplete")
            .Add("payment_settings[save_default_payment_method]", "on_subscription")
            .Add("expand[0]", "latest_invoice.confirmation_secret")
            .AddMap("metadata", subscription.Metadata);
        return PostAsync<StripeSubscription>(key, "/v1/subscriptions", form, idempotencyKey, cancellationToken);
    }

    /// <summary>Cancels a subscription at once. DELETE needs no idempotency key: cancelling twice cancels once.</summary>
    public Task<StripeSubscription> CancelSubscriptionAsync(StripeKey key, string id, CancellationToken cancellationToken) =>
        SendAsync<StripeSubscription>(key, HttpMethod.Delete, $"/v1/subscriptions/{Uri.EscapeDataString(id)}", null, null, cancellationToken);

    private Task<T> PostAsync<T>(StripeKey key, string path, StripeForm form, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return SendAsync<T>(key, HttpMethod.Post, path, form, idempotencyKey, cancellationToken);
    }

    private async Task<T> SendAsync<T>(StripeKey key, HttpMethod method, string path, StripeForm? form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var maxRetries = options.Value.MaxNetworkRetries;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = form?.ToContent() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.SecretKey);
            if (idempotencyKey is not null)
            {
                request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
            }

            if (options.Value.ApiVersion is { Length: > 0 } version)
            {
                request.Headers.TryAddWithoutValidation("Stripe-Version", version);
            }

            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return JsonSerializer.Deserialize<T>(body, StripeJson.Options)
                        ?? throw new JsonException($"Stripe answered {path} with an empty body.");
                }

                if (attempt < maxRetries && ShouldRetry(response))
                {
                    logger.LogWarning("Stripe answered {Method} {Path} with {Status}; retrying with the same idempotency key", method, path, (int)response.StatusCode);
                }
                else
                {
                    throw PaymentFailedException.From(response.StatusCode, ReadError(body));
                }
            }
            catch (Exception exception) when (IsLostConnection(exception, cancellationToken))
            {
                if (attempt >= maxRetries)
                {
                    throw PaymentFailedException.Unreachable(exception);
                }

                logger.LogWarning(exception, "Stripe did not answer {Method} {Path}; retrying with the same idempotency key", method, path);
            }
            catch (JsonException exception)
            {
                throw PaymentFailedException.Unreachable(exception);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * (1 << attempt)), cancellationToken);
        }
    }

    // Stripe says when a retry can help; without that hint, conflicts (lock timeouts) and server errors can.
    private static bool ShouldRetry(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            return values.FirstOrDefault() == "true";
        }

        return response.StatusCode is HttpStatusCode.Conflict || (int)response.StatusCode >= 500;
    }

    private static bool IsLostConnection(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static StripeError? ReadError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<StripeErrorEnvelope>(body, StripeJson.Options)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
