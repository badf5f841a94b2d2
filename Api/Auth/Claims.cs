using System.Security.Claims;

namespace Actors.Api.Auth;

/// <summary>Who a request is from, as the bearer handler put it in the principal.</summary>
public static class Claims
{
    public static string? EmailOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
