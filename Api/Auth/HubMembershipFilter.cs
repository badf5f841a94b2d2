using Actors.Grains.Abstractions.Organizations;
using Orleans;
using Microsoft.AspNetCore.SignalR;

namespace Actors.Api.Auth;

/// <summary>
/// Hubs admit signed-in accounts only, and every hub method must name the organization it is about
/// (a parameter called "organization") of which the caller is a member; a method without one is
/// refused, so a new hub method cannot open a way around the member check. Every refusal, here or
/// in the hub method, is logged as one warning line: it is a client's mistake or a probe, not a fault,
/// and SignalR itself logs it at Debug only.
/// </summary>
public sealed class HubMembershipFilter(IGrainFactory grains, Sessions sessions, ILogger<HubMembershipFilter> logger) : IHubFilter
{
    private const string SignInFirst = "Sign in first: connect with the sign-in cookie, or with the token as access_token.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await CheckedAsync(invocationContext, next);
        }
        catch (HubException refused)
        {
            logger.LogWarning(
                "Hub {Hub} refused {Method} for {Account}: {Reason}",
                invocationContext.Hub.GetType().Name,
                invocationContext.HubMethodName,
                Claims.EmailOf(invocationContext.Context.User) ?? "an anonymous connection",
                refused.Message);
            throw;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // SignalR's own "Failed to invoke hub method" error is filtered out (PlatformSecurity), as it
            // would log every refusal above with a stack trace; a real failure is logged here instead.
            logger.LogError(failure, "Hub {Hub} failed in {Method}", invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw;
        }
    }

    private async ValueTask<object?> CheckedAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var email = Claims.EmailOf(invocationContext.Context.User)
            ?? throw new HubException(SignInFirst);
        // A connection outlives the request that opened it: a session ended since is refused here.
        if (!await sessions.IsCurrentAsync(invocationContext.Context.User))
        {
            throw new HubException(Sessions.Ended);
        }

        var parameters = invocationContext.HubMethod.GetParameters();
        var index = Array.FindIndex(parameters, p => p.Name == "organization");
        if (index < 0 || index >= invocationContext.HubMethodArguments.Count || invocationContext.HubMethodArguments[index] is not string organization)
        {
            throw new HubException("This method names no organization.");
        }

        // The connection's own header or subdomain, when it named one, must agree with the argument.
        if (invocationContext.Context.GetHttpContext() is { } http && Tenant.Of(http) is { } resolved && resolved != organization)
        {
            throw new HubException($"This connection is for '{resolved}', not '{organization}'.");
        }

        if (organization.Length > 64 || await grains.GetGrain<IOrganizationGrain>(organization).RoleOf(email) is null)
        {
            throw new HubException($"You are not a member of '{(organization.Length > 64 ? organization[..64] : organization)}'.");
        }

        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next) =>
        Claims.EmailOf(context.Context.User) is null
            ? throw new HubException(SignInFirst)
            : next(context);
}
