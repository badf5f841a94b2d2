using Actors.Api.Payments.Stripe;
using Actors.Api.Problems;
using Actors.Grains.Abstractions.Payments;
using Microsoft.Extensions.Options;

namespace Actors.Api.Payments;

/// <summary>
/// Where Stripe delivers events: the platform's account at /api/webhooks/stripe, an organization's own
/// at /api/webhooks/stripe/{org}. The signature is checked over the raw bytes before anything is read,
/// and a delivery that fails it changes nothing. Stripe, not a member, calls these, so they carry no
/// member auth and stay out of the OpenAPI document.
/// </summary>
public static class StripeWebhooksApi
{
    public static WebApplication MapStripeWebhooksApi(this WebApplication app)
    {
        var webhooks = app.MapGroup("/api/webhooks/stripe")
            .WithTags("Webhooks")
            .AddEndpointFilter<DomainProblemFilter>()
            .AddEndpointFilter<PaymentProblemFilter>()
            .ExcludeFromDescription();
        webhooks.MapPost("/", (HttpContext http, StripeSignature signature, StripeKeys keys, StripeWebhooks processing, IOptions<StripeOptions> options, CancellationToken cancellationToken) =>
            ReceiveAsync(PaymentAccounts.Platform, http, signature, keys, processing, options.Value, cancellationToken));
        webhooks.MapPost("/{org}", (string org, HttpContext http, StripeSignature signature, StripeKeys keys, StripeWebhooks processing, IOptions<StripeOptions> options, CancellationToken cancellationToken) =>
        {
            PathIds.Check(org);
            return ReceiveAsync(PaymentAccounts.Of(org), http, signature, keys, processing, options.Value, cancellationToken);
        });
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string account, HttpContext http, StripeSignature signature, StripeKeys keys, StripeWebhooks processing, StripeOptions options, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(http.Request, options.MaxWebhookBytes, cancellationToken) is not { } body)
        {
            return PaymentProblems.TooLarge(options.MaxWebhookBytes);
        }

        var secret = await keys.WebhookSecretAsync(account);
        signature.Verify(http.Request.Headers[StripeSignature.Header].ToString(), body, secret);
        var stripeEvent = StripeEvent.Parse(body);
        return TypedResults.Ok(await processing.ReceiveAsync(account, stripeEvent, cancellationToken));
    }

    /// <summary>The body exactly as sent (the signature covers these bytes), or null when it exceeds the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
