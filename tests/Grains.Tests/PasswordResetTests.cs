using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Users;
using Xunit;

namespace Actors.Grains.Tests;

/// <summary>A reset link on the grains' own clock: it works once, within its lifetime (30 minutes by default), and stays used after deactivation.</summary>
public sealed class PasswordResetTests(ClockedCluster accounts) : IClassFixture<ClockedCluster>
{
    private const string OldPassword = "the old password";
    private const string NewPassword = "the new password";

    [Fact]
    public async Task A_link_used_within_thirty_minutes_sets_the_password_once_even_after_it_is_reactivated()
    {
        var (user, link) = await AccountWithLinkAsync();

        accounts.Clock.Advance(TimeSpan.FromMinutes(29));
        var email = await link.Redeem(NewPassword);
        await accounts.Cluster.DeactivateAsync(link);
        var again = await Assert.ThrowsAsync<LinkGoneException>(() => link.Redeem("a third password"));

        Assert.Equal(user.GetPrimaryKeyString(), email);
        Assert.Contains("already used", again.Message, StringComparison.Ordinal);
        await user.SignIn(NewPassword);
        await Assert.ThrowsAsync<SignInFailedException>(() => user.SignIn(OldPassword));
    }

    [Fact]
    public async Task A_link_past_its_thirty_minutes_is_gone_and_the_password_stays()
    {
        var (user, link) = await AccountWithLinkAsync();

        accounts.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await Assert.ThrowsAsync<LinkGoneException>(() => link.Redeem(NewPassword));

        Assert.Contains("expired", late.Message, StringComparison.Ordinal);
        await user.SignIn(OldPassword);
    }

    [Fact]
    public async Task A_link_never_opened_is_gone()
    {
        var unknown = accounts.Grains.GetGrain<IPasswordResetGrain>(Guid.NewGuid().ToString("N"));

        var gone = await Assert.ThrowsAsync<LinkGoneException>(() => unknown.Redeem(NewPassword));

        Assert.Contains("not known", gone.Message, StringComparison.Ordinal);
    }

    private async Task<(IUserGrain User, IPasswordResetGrain Link)> AccountWithLinkAsync()
    {
        var user = accounts.Grains.GetGrain<IUserGrain>($"reset-{Guid.NewGuid():N}@example.com");
        await user.Register(new NewAccount("Ann", OldPassword));
        var link = accounts.Grains.GetGrain<IPasswordResetGrain>(Guid.NewGuid().ToString("N"));
        var expiresAt = await link.Open(user.GetPrimaryKeyString());
        Assert.InRange(expiresAt - accounts.Clock.GetUtcNow(), TimeSpan.FromMinutes(29.9), TimeSpan.FromMinutes(30));
        return (user, link);
    }
}
