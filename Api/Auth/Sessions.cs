using System.Security.Claims;
using Actors.Grains.Abstractions.Users;
using Orleans;

namespace Actors.Api.Auth;

/// <summary>
/// Whether a signed-in principal's session is still good. Asked of the account's grain on every
/// request, so signing out everywhere, a removal or a role change ends every token and cookie at
/// once, on every node; the grain answers from memory, interleaved with its other calls.
/// </summary>
public sealed class Sessions(IGrainFactory grains)
{
    public const string Ended = "This sign-in has ended: the account signed out everywhere, changed its password, or its membership changed. Sign in again.";

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal)
    {
        if (Claims.EmailOf(principal) is not { } email || Claims.SessionOf(principal) is not { Length: > 0 } stamp)
        {
            return false;
        }

        return await grains.GetGrain<IUserGrain>(email).IsCurrentSession(stamp);
    }
}
