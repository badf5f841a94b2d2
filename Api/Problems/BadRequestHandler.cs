using Microsoft.AspNetCore.Diagnostics;

namespace Actors.Api.Problems;

/// <summary>
/// Requests that fail before any handler runs (unreadable JSON, wrong types, missing body) arrive
/// here as BadHttpRequestException, thrown because RouteHandlerOptions.ThrowOnBadRequest is on.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        await DomainProblems.From(badRequest).ExecuteAsync(httpContext);
        return true;
    }
}
