using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests.Onboarding;

/// <summary>An owner runs the team from the team page: invite by email with a role, change a role, remove a member after confirming.</summary>
public sealed class TeamPageTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_invites_a_colleague_changes_their_role_and_removes_them()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var colleague = $"colleague-{Guid.NewGuid():N}@example.com";
        var page = await browsers.OpenAsync($"/team?org={org}", width: 1024, height: 900);
        await SignInAsync(page);

        var invite = page.GetByRole(AriaRole.Form, new() { Name = "Invite a colleague" });
        await invite.GetByLabel("Email").FillAsync("not an email");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(invite.GetByRole(AriaRole.Alert)).ToContainTextAsync("email");
        await invite.GetByLabel("Email").FillAsync(colleague);
        await invite.GetByLabel("Role").SelectOptionAsync("Staff");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var token = (await page.Locator("#invited .token").TextContentAsync())!.Trim();
        var pending = page.GetByRole(AriaRole.List, new() { Name = "Pending invitations" });
        await Expect(pending).ToContainTextAsync(colleague);
        await Expect(pending).ToContainTextAsync("Staff");
        await BrowserFixture.ScreenshotAsync(page, "team-invited-1024");

        using (var anonymous = browsers.Api.App.NewClient())
        {
            await anonymous.PostAsync($"/api/invitations/{token}/accept", new { name = "Colleague", password = ApiFixture.Password }).OkAsync();
        }

        await page.ReloadAsync();
        var members = page.GetByRole(AriaRole.List, new() { Name = "Members" });
        await Expect(members).ToContainTextAsync(colleague);
        await Expect(pending).Not.ToContainTextAsync(colleague);
        await page.GetByLabel($"Role of {colleague}").SelectOptionAsync("Manager");
        await Expect(page.GetByLabel($"Role of {colleague}")).ToHaveValueAsync("Manager");
        await Expect(page.GetByLabel($"Role of {colleague}")).ToBeEnabledAsync();
        Assert.Equal("Manager", await RoleAsync(org, colleague));
        await page.SetViewportSizeAsync(400, 900);
        await BrowserFixture.ScreenshotAsync(page, "team-narrow");
        await page.SetViewportSizeAsync(1024, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {colleague}" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Remove this member?" });
        await Expect(confirm).ToContainTextAsync($"{colleague} loses access");
        await BrowserFixture.ScreenshotAsync(page, "team-remove-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Expect(members).ToContainTextAsync(colleague);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {colleague}" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();

        await Expect(members).Not.ToContainTextAsync(colleague);
        Assert.Null(await RoleAsync(org, colleague));
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task The_last_owner_cannot_step_down_and_the_page_says_why_in_the_api_s_words()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var page = await browsers.OpenAsync($"/team?org={org}", width: 1024, height: 900);
        await SignInAsync(page);

        await page.GetByLabel($"Role of {browsers.Api.OwnerEmail}").SelectOptionAsync("Staff");

        await Expect(page.Locator("#members-error")).ToContainTextAsync("at least one owner");
        await Expect(page.GetByLabel($"Role of {browsers.Api.OwnerEmail}")).ToHaveValueAsync("Owner");
        Assert.Empty(browsers.PageErrors);
    }

    private async Task SignInAsync(IPage page)
    {
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Sign in to manage your team" });
        await form.GetByLabel("Email").FillAsync(browsers.Api.OwnerEmail);
        await form.GetByLabel("Password").FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(form).ToBeHiddenAsync();
    }

    private async Task<string?> RoleAsync(string org, string email)
    {
        var members = await browsers.Api.Client.GetAsync($"/api/orgs/{org}/members").OkAsync();
        return members.EnumerateArray().Where(m => m.GetProperty("email").GetString() == email).Select(m => m.GetProperty("role").GetString()).FirstOrDefault();
    }
}
