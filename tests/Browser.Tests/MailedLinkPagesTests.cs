using System.Text.RegularExpressions;
using Actors.Api.Tests;
using Actors.Api.Tests.Mail;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

public sealed class MailedLinkPagesTests(MailBrowserFixture browsers) : IClassFixture<MailBrowserFixture>
{
    private const string NewPassword = "sea breeze at dawn";

    private static MailCatcher Mails => MailedApi.Mails;

    [Fact]
    public async Task A_member_who_forgot_the_password_asks_on_the_board_sets_a_new_one_from_the_mail_and_signs_in_with_it()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var email = await MemberAsync(org, "Nia");
        var board = await browsers.OpenAsync($"/board?org={org}&property=hotel");

        await board.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await board.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await board.GetByRole(AriaRole.Button, new() { Name = "Mail me a link" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("on its way");
        var link = MailCatcher.Link(await Mails.WaitForAsync(email, "new password"), "/reset-password");

        await board.GotoAsync(link.AbsoluteUri);
        await Expect(board).ToHaveURLAsync(new Regex("/reset-password$"));
        await board.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await board.GetByLabel("Repeat the new password").FillAsync(NewPassword);
        await board.GetByRole(AriaRole.Button, new() { Name = "Set the password" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Heading, new() { Name = "Your password is set" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(board, "reset-password-done");
        await board.GetByRole(AriaRole.Link, new() { Name = "Go to the room board" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");

        // Another browser: the board's own form takes the new password and refuses the old one.
        var elsewhere = await browsers.OpenAsync($"/board?org={org}&property=hotel");
        var form = elsewhere.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" });
        await SignInAsync(form, email, ApiFixture.Password);
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong email or password");
        await SignInAsync(form, email, NewPassword);
        await Expect(form).ToBeHiddenAsync();
        await Expect(elsewhere.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");

        // The same link a second time says so, and offers a new one.
        await board.GotoAsync(link.AbsoluteUri);
        await board.GetByLabel("New password", new() { Exact = true }).FillAsync("yet another password");
        await board.GetByLabel("Repeat the new password").FillAsync("yet another password");
        await board.GetByRole(AriaRole.Button, new() { Name = "Set the password" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Alert)).ToContainTextAsync("already used");
        await Expect(board.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task An_invited_colleague_opens_the_mailed_link_chooses_a_password_and_lands_on_the_live_board()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var email = $"omar-{Guid.NewGuid():N}@example.com";
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Staff" }).OkAsync();
        var link = MailCatcher.Link(await Mails.WaitForAsync(email, "invites you"), "/join");

        var page = await browsers.OpenAsync(link.PathAndQuery + link.Fragment);
        await Expect(page).ToHaveURLAsync(new Regex("/join$"));
        await page.GetByLabel("Your name").FillAsync("Omar");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/board\\?org={org}&property=hotel$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");
        await Expect(page.Locator("#account-email")).ToHaveTextAsync(email);
        Assert.Empty(browsers.PageErrors);
    }

    /// <summary>Someone who joined the organization through an invitation, with the tests' password.</summary>
    private async Task<string> MemberAsync(string org, string name)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var invited = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Manager" }).OkAsync();
        using var client = browsers.Api.App.NewClient();
        await client.PostAsync($"/api/invitations/{invited.GetProperty("token").GetString()}/accept", new { name, password = ApiFixture.Password }).OkAsync();
        return email;
    }

    private static async Task SignInAsync(ILocator form, string email, string password)
    {
        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
