using Actors.Api.Payments.Stripe;

namespace Actors.Api.Payments;

/// <summary>Turns Stripe's refusals and bad webhook signatures into problem details, next to DomainProblemFilter.</summary>
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
        catch (WebhookSignatureException exception)
        {
            return PaymentProblems.From(exception);
        }
    }
}
