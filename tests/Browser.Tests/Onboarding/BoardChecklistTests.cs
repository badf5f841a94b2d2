using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests.Onboarding;

/// <summary>The board's extras for getting started: the checklist goes once every step is done, and the team link is for owners only.</summary>
public sealed class BoardChecklistTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Once_every_step_is_done_the_board_shows_no_checklist()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email = $"dana-{Guid.NewGuid():N}@example.com", role = "Staff" }).OkAsync();
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 2, 3)).OkAsync();
        var notYet = await browsers.OpenBoardAsync(org, width: 1024);
        var checklist = notYet.GetByRole(AriaRole.Region, new() { Name = "Getting started" });
        await Expect(checklist).ToContainTextAsync("5 of 6 done");

        await browsers.Api.Client.PutAsync($"/api/orgs/{org}/stripe-account", new { secretKey = "sk_test_checklist", webhookSecret = "whsec_checklist" }).OkAsync();
        var done = await browsers.OpenBoardAsync(org, width: 1024);

        await Expect(done.GetByRole(AriaRole.Button, new() { Name = "Ann, Double 1" })).ToBeVisibleAsync();
        await Expect(done.Locator("#onboarding")).ToBeHiddenAsync();
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_manager_sees_the_checklist_but_no_team_link_and_staff_see_neither()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var manager = await OpenBoardAsAsync(org, "Manager");
        var staff = await OpenBoardAsAsync(org, "Staff");

        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = "Getting started" })).ToBeVisibleAsync();
        // Inviting is for owners: a manager is not sent to a page that would refuse them.
        await Expect(manager.Locator("li[data-step='colleagueInvited'] a")).ToHaveCountAsync(0);
        await Expect(manager.Locator("#team-link")).ToBeHiddenAsync();
        await Expect(staff.Locator("#figures-link")).ToBeHiddenAsync();
        await Expect(staff.Locator("#team-link")).ToBeHiddenAsync();
        await Expect(staff.Locator("#onboarding")).ToBeHiddenAsync();
        Assert.Empty(browsers.PageErrors);
    }

    private async Task<IPage> OpenBoardAsAsync(string org, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var invitation = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role }).OkAsync();
        using (var anonymous = browsers.Api.App.NewClient())
        {
            await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = role, password = ApiFixture.Password }).OkAsync();
        }

        var board = await browsers.OpenAsync($"/board?org={org}&property=hotel", width: 1024);
        var form = board.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" });
        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(board.Locator("#connection")).ToContainTextAsync("Live");
        return board;
    }
}
