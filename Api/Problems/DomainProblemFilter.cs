using Actors.Grains.Abstractions.Failures;
using Actors.Runtime;

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
        catch (Exception exception) when (exception is InconsistentStateException or TimeoutException)
        {
            return DomainProblems.TryAgain(exception);
        }
    }
}
