using Microsoft.AspNetCore.Diagnostics;

namespace Actors.Api.Problems;

/// <summary>
/// Transient runtime failures outside an endpoint (the member check asks a grain before any handler
/// runs): 503 with Retry-After, as DomainProblemFilter answers inside endpoints, never a 500.
/// </summary>
public sealed class TryAgainHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFailure.Is(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = "1";
        await DomainProblems.TryAgain(exception).ExecuteAsync(httpContext);
        return true;
    }
}
