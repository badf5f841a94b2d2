using System.Net;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class ExpiredResetLinkTests(ShortResetLinkApi api) : IClassFixture<ShortResetLinkApi>
{
    [Fact]
    public async Task An_expired_reset_link_is_refused_and_the_password_stays()
    {
        var email = $"gus-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = "gus-" + Guid.NewGuid().ToString("N")[..12], organizationName = "Gus", email, name = "Gus", password = ApiFixture.Password }).OkAsync();
        (await client.PostAsync("/api/password-reset", new { email })).Dispose();
        var mail = await MailedApi.Mails.WaitForAsync(email, "new password");
        var token = PasswordResetTests.TokenOf(MailCatcher.Link(mail, "/reset-password"));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var late = await client.PostAsync("/api/password-reset/confirm", new { token, password = "too late a password" });
        var problem = await late.ReadAsync();
        using var old = await client.PostAsync("/api/sign-in", new { email, password = ApiFixture.Password });

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(ApiFixture.Problems + "link-gone", problem.ProblemType());
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}
