using System.Globalization;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;
using Orleans;
using Orleans.Runtime;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Users;

/// <summary>
/// A password reset link. Its own grain rather than a field of the account: the link carries only
/// the token, and two redeems of one link run one at a time here, so only the first sets a password.
/// </summary>
[GrainType("password-reset")]
internal sealed class PasswordResetGrain(
    [PersistentState("reset")] IPersistentState<PasswordResetState> reset,
    TimeProvider time,
    IOptions<AccountOptions> options) : Grain, IPasswordResetGrain
{
    private PasswordResetState State => reset.State;

    public async Task<DateTimeOffset> Open(string email)
    {
        if (State.Email is not null)
        {
            // 32 random bytes do not collide; a second open is a caller reusing a token.
            throw new ConflictException("This reset link is already open.");
        }

        State.Email = Emails.Normalize(email);
        State.ExpiresAt = time.GetUtcNow() + options.Value.ResetLinkLifetime;
        await reset.WriteStateAsync();
        return State.ExpiresAt;
    }

    public async Task<string> Redeem(string newPassword)
    {
        if (State.Email is null)
        {
            throw new LinkGoneException("This reset link is not known here; ask for a new one on the reset page.");
        }

        if (State.UsedAt is { } used)
        {
            throw new LinkGoneException(string.Create(CultureInfo.InvariantCulture, $"This reset link was already used, at {used:yyyy-MM-dd HH:mm} UTC; ask for a new one if you need to."));
        }

        if (State.ExpiresAt <= time.GetUtcNow())
        {
            throw new LinkGoneException(string.Create(CultureInfo.InvariantCulture, $"This reset link expired at {State.ExpiresAt:yyyy-MM-dd HH:mm} UTC; ask for a new one on the reset page."));
        }

        // The password first: a refused one (too short) leaves the link usable for a better one.
        await GrainFactory.GetGrain<IUserGrain>(State.Email).ResetPassword(newPassword);
        State.UsedAt = time.GetUtcNow();
        await reset.WriteStateAsync();
        return State.Email;
    }
}
