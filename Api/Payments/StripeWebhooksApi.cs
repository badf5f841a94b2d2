using System.Text;
using Actors.Api.Problems;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Payments;
using Microsoft.Extensions.Options;
using Stripe;

namespace Actors.Api.Payments;

/// <summary>
/// Where Stripe delivers events: the platform's account at /api/webhooks/stripe, an organization's own
/// at /api/webhooks/stripe/{org}. The signature is checked over the raw bytes before anything is read,
/// and a delivery that fails it changes nothing. Stripe, not a member, calls these, so they carry no
/// member auth and stay out of the OpenAPI document.
/// </summary>
public static class StripeWebhooksApi
{
    private const string SignatureHeader = "Stripe-Signature";

    public static WebApplication MapStripeWebhooksApi(this WebApplication app)
    {
        var webhooks = app.MapGroup("/api/webhooks/stripe")
            .WithTags("Webhooks")
            .AddEndpointFilter<DomainProblemFilter>()
            .AddEndpointFilter<PaymentProblemFilter>()
            .ExcludeFromDescription();
        webhooks.MapPost("/", (HttpContext http, StripeKeys keys, StripeWebhooks processing, IOptions<StripeOptions> options, TimeProvider time, ILogger<StripeWebhooks> logger, CancellationToken cancellationToken) =>
            ReceiveAsync(PaymentAccounts.Platform, http, keys, processing, options.Value, time, logger, cancellationToken));
        webhooks.MapPost("/{org}", (string org, HttpContext http, StripeKeys keys, StripeWebhooks processing, IOptions<StripeOptions> options, TimeProvider time, ILogger<StripeWebhooks> logger, CancellationToken cancellationToken) =>
        {
            PathIds.Check(org);
            return ReceiveAsync(PaymentAccounts.Of(org), http, keys, processing, options.Value, time, logger, cancellationToken);
        });
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string account, HttpContext http, StripeKeys keys, StripeWebhooks processing, StripeOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(http.Request, options.MaxWebhookBytes, cancellationToken) is not { } body)
        {
            return PaymentProblems.TooLarge(options.MaxWebhookBytes);
        }

        var secret = await keys.WebhookSecretAsync(account);
        if (string.IsNullOrEmpty(secret))
        {
            throw new WebhookSignatureException("No signing secret is set up for this endpoint, so no delivery can be verified.");
        }

        Event stripeEvent;
        try
        {
            // Stripe.net checks every v1 signature and the timestamp against our clock; the API version is
            // checked below, since refusing a delivery would only make Stripe send it again for days.
            stripeEvent = EventUtility.ConstructEvent(
                Encoding.UTF8.GetString(body),
                http.Request.Headers[SignatureHeader].ToString(),
                secret,
                (long)options.SignatureTolerance.TotalSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: false);
        }
        catch (StripeException refused)
        {
            throw new WebhookSignatureException($"The {SignatureHeader} header does not sign this body within the tolerance.", refused);
        }
        catch (Exception unreadable) when (unreadable is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or FormatException)
        {
            throw new DomainValidationException("body", "Not a Stripe event.");
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || stripeEvent.Id.Length > 255 || !stripeEvent.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || string.IsNullOrEmpty(stripeEvent.Type))
        {
            throw new DomainValidationException("id", "An event id of letters, digits and '_' and a type are required.");
        }

        if (stripeEvent.ApiVersion != StripeConfiguration.ApiVersion)
        {
            logger.LogWarning("Stripe event {EventId} has API version {Version}, not Stripe.net's {Expected}: set the webhook endpoint's version to {Expected}", stripeEvent.Id, stripeEvent.ApiVersion, StripeConfiguration.ApiVersion, StripeConfiguration.ApiVersion);
        }

        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/') ?? http.Request.Path.ToString();
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var caller = new WebhookCaller(route, http.Connection.RemoteIpAddress?.ToString(), userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, 300)]);
        return TypedResults.Ok(await processing.ReceiveAsync(account, stripeEvent, caller, cancellationToken));
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
