using System.Net;
using System.Web;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class PasswordResetTests(MailedApi api) : IClassFixture<MailedApi>
{
    private const string NewPassword = "a brand new passphrase";

    private static MailCatcher Mails => MailedApi.Mails;

    [Fact]
    public async Task The_mailed_link_sets_a_password_that_signs_in_and_the_old_one_no_longer_does_nor_any_earlier_sign_in()
    {
        var email = await OpenAccountAsync("ann");
        using var client = api.App.NewClient();
        using var earlier = api.ClientFor(await api.SignInAsync(email));
        await earlier.GetAsync("/api/me").OkAsync();

        using var asked = await client.PostAsync("/api/password-reset", new { email = email.ToUpperInvariant() });
        var mail = await Mails.WaitForAsync(email, "new password");
        var link = MailCatcher.Link(mail, "/reset-password");
        using var page = await client.GetAsync(link);
        using var reset = await client.PostAsync("/api/password-reset/confirm", new { token = TokenOf(link), password = NewPassword });
        using var withNew = await client.PostAsync("/api/sign-in", new { email, password = NewPassword });
        using var withOld = await client.PostAsync("/api/sign-in", new { email, password = ApiFixture.Password });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal("Test Stays", mail.From.Mailboxes.Single().Name);
        Assert.Contains("Hello Ann,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(link.AbsoluteUri, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(api.App.Address.Authority, link.Authority);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(email, (await reset.ReadAsync()).GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        // Whoever was signed in with the old password is signed out everywhere.
        using var earlierAfter = await earlier.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, earlierAfter.StatusCode);
    }

    [Fact]
    public async Task A_reset_link_works_once()
    {
        var email = await OpenAccountAsync("bea");
        using var client = api.App.NewClient();
        (await client.PostAsync("/api/password-reset", new { email })).Dispose();
        var token = TokenOf(MailCatcher.Link(await Mails.WaitForAsync(email, "new password"), "/reset-password"));

        using var first = await client.PostAsync("/api/password-reset/confirm", new { token, password = NewPassword });
        using var second = await client.PostAsync("/api/password-reset/confirm", new { token, password = "a third password here" });
        var problem = await second.ReadAsync();
        using var signIn = await client.PostAsync("/api/sign-in", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Equal(ApiFixture.Problems + "link-gone", problem.ProblemType());
        Assert.Contains("already used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Racing_redeems_of_one_link_set_one_password()
    {
        var email = await OpenAccountAsync("cy");
        using var client = api.App.NewClient();
        (await client.PostAsync("/api/password-reset", new { email })).Dispose();
        var token = TokenOf(MailCatcher.Link(await Mails.WaitForAsync(email, "new password"), "/reset-password"));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var racer = api.App.NewClient();
            using var response = await racer.PostAsync("/api/password-reset/confirm", new { token, password = $"racing password {i}" });
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Gone));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_202_and_no_mail()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        var known = await OpenAccountAsync("dot");
        using var client = api.App.NewClient();

        using var forUnknown = await client.PostAsync("/api/password-reset", new { email = unknown });
        using var forKnown = await client.PostAsync("/api/password-reset", new { email = known });
        // One courier sends in order: once the later mail is in, the earlier one would be too.
        await Mails.WaitForAsync(known, "new password");

        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        Assert.Empty(Mails.To(unknown));
    }

    [Fact]
    public async Task A_reset_lifts_the_lockout_of_too_many_wrong_passwords()
    {
        var email = await OpenAccountAsync("eve");
        using var client = api.App.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsync("/api/sign-in", new { email, password = "wrong guess " + i })).Dispose();
        }

        using var locked = await client.PostAsync("/api/sign-in", new { email, password = ApiFixture.Password });
        (await client.PostAsync("/api/password-reset", new { email })).Dispose();
        var token = TokenOf(MailCatcher.Link(await Mails.WaitForAsync(email, "new password"), "/reset-password"));
        using var reset = await client.PostAsync("/api/password-reset/confirm", new { token, password = NewPassword });
        using var signIn = await client.PostAsync("/api/sign-in", new { email, password = NewPassword });

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task A_too_short_new_password_is_refused_and_leaves_the_link_usable()
    {
        var email = await OpenAccountAsync("flo");
        using var client = api.App.NewClient();
        (await client.PostAsync("/api/password-reset", new { email })).Dispose();
        var token = TokenOf(MailCatcher.Link(await Mails.WaitForAsync(email, "new password"), "/reset-password"));

        using var tooShort = await client.PostAsync("/api/password-reset/confirm", new { token, password = "short" });
        using var fine = await client.PostAsync("/api/password-reset/confirm", new { token, password = NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True((await tooShort.ReadAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    /// <summary>The token travels in the link's fragment, "#token=...", which browsers never send to a server.</summary>
    public static string TokenOf(Uri link)
    {
        Assert.StartsWith("#token=", link.Fragment, StringComparison.Ordinal);
        Assert.Empty(link.Query);
        return HttpUtility.ParseQueryString(link.Fragment[1..])["token"]!;
    }

    private async Task<string> OpenAccountAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = $"{name}-{Guid.NewGuid():N}"[..20], organizationName = $"{name}'s place", email, name = char.ToUpperInvariant(name[0]) + name[1..], password = ApiFixture.Password }).OkAsync();
        return email;
    }
}
