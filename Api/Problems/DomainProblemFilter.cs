using Actors.Grains.Abstractions.Failures;

namespace Actors.Api.Problems;

/// <summary>Turns what grains refuse into problem details, so handlers stay short and never answer 500 for a refusal.</summary>
public sealed class DomainProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException exception)
        {
            return DomainProblems.From(exception);
        }
        catch (Exception exception) when (TransientFailure.Is(exception))
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return DomainProblems.TryAgain(exception);
        }
    }
}
