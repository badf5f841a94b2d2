using Actors.Api.Problems;
using Orleans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Actors.Api.Auth;

/// <summary>Refusals as problem details: 401 to sign in, 403 saying which organization or role was missing.</summary>
public sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "You may not do this here.";
            await TypedResults.Problem(
                detail: reason,
                statusCode: StatusCodes.Status403Forbidden,
                title: ProblemTypes.TitleOf("forbidden"),
                type: ProblemTypes.For("forbidden")).ExecuteAsync(context);
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
