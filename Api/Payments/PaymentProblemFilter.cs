using Stripe;

namespace Actors.Api.Payments;

/// <summary>Turns Stripe's refusals, an unreachable Stripe and bad webhook signatures into problem details, next to DomainProblemFilter.</summary>
public sealed class PaymentProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PaymentFailedException exception)
        {
            return PaymentProblems.From(exception);
        }
        catch (StripeException exception)
        {
            return PaymentProblems.From(PaymentFailedException.From(exception));
        }
        catch (HttpRequestException exception)
        {
            // Only Stripe is called over HTTP behind these endpoints; Stripe.net rethrows once its retries are spent.
            return PaymentProblems.From(PaymentFailedException.Unreachable(exception));
        }
        catch (TaskCanceledException exception) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A timeout, not the caller leaving.
            return PaymentProblems.From(PaymentFailedException.Unreachable(exception));
        }
        catch (WebhookSignatureException exception)
        {
            return PaymentProblems.From(exception);
        }
    }
}
