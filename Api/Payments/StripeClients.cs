using Microsoft.Extensions.Options;
using Stripe;

namespace Actors.Api.Payments;

/// <summary>
/// Stripe.net clients, one per account key: an organization's own account is called with its own key,
/// never with the platform's. They share the pooled "stripe" HttpClient, and Stripe.net does the retries.
/// </summary>
public sealed class StripeClients(IHttpClientFactory http, IOptions<StripeOptions> options)
{
    public const string HttpClientName = "stripe";

    public StripeClient For(StripeKey key) =>
        new(
            key.SecretKey,
            httpClient: new SystemNetHttpClient(http.CreateClient(HttpClientName), options.Value.MaxNetworkRetries),
            apiBase: options.Value.ApiBase.ToString().TrimEnd('/'));

    /// <summary>Every POST names its operation, so Stripe answers a retry with the first result.</summary>
    public static RequestOptions Idempotent(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return new RequestOptions { IdempotencyKey = idempotencyKey };
    }
}
