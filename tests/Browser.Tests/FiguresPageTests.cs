using Actors.Api.Tests;
using Actors.Persistence.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>
/// The figures page, as a manager reaches it from the board: nights picked, totals computed as totals
/// (ADR over room nights sold, not an average of nights), a row and a bar per night, and the same
/// nights downloaded as CSV. Staff, who may open the board, are shown neither the link nor revenue.
/// </summary>
public sealed class FiguresPageTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private const string LongName = "The Grand Harbour View Hotel & Spa at the Old Lighthouse Quay, Konstantinopoulou-Vanderbilt Collection";

    [Fact]
    public async Task A_manager_picks_nights_and_sees_the_totals_the_nights_and_the_same_nights_as_a_csv()
    {
        var org = await HotelWithBookingsAsync();
        var board = await browsers.OpenBoardAsync(org);
        await Expect(board.GetByRole(AriaRole.Link, new() { Name = "Figures" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(board, "board-figures-link-1400");

        var page = await OpenFiguresFromTheBoardAsync(board);
        // This month at the property is shown first.
        await Expect(page.GetByLabel("First night")).ToHaveValueAsync(ApiFixture.Today.ToString("yyyy-MM-01"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hotel", Exact = true })).ToBeVisibleAsync();
        await PickAsync(page, 1, 4);

        var totals = page.GetByRole(AriaRole.Region, new() { Name = "Totals" });
        await Expect(Total(totals, "Room revenue")).ToHaveTextAsync("€650.00");
        await Expect(Total(totals, "Occupancy")).ToHaveTextAsync("41.7%");
        // 650 over 5 room nights sold: an average of the nights' ADRs would say €118.75.
        await Expect(Total(totals, "ADR")).ToHaveTextAsync("€130.00");
        await Expect(Total(totals, "RevPAR")).ToHaveTextAsync("€54.17");
        await Expect(Total(totals, "Room nights sold")).ToHaveTextAsync("5 of 12");
        await Expect(Total(totals, "Arrivals")).ToHaveTextAsync("3");
        await Expect(Total(totals, "Departures")).ToHaveTextAsync("2");

        var rows = page.Locator("#nights tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-night", ApiFixture.Day(1));
        await Expect(Cells(rows.Nth(0))).ToHaveTextAsync(["1", "3", "33%", "€100.00", "€100.00", "€33.33", "1", "0", "0"]);
        await Expect(Cells(rows.Nth(1))).ToHaveTextAsync(["2", "3", "67%", "€350.00", "€175.00", "€116.67", "1", "0", "0"]);
        await Expect(Cells(rows.Nth(2))).ToHaveTextAsync(["1", "3", "33%", "€100.00", "€100.00", "€33.33", "1", "2", "0"]);
        await Expect(Cells(rows.Nth(3))).ToHaveTextAsync(["1", "3", "33%", "€100.00", "€100.00", "€33.33", "0", "0", "0"]);
        var bars = page.Locator("#chart svg rect.bar");
        await Expect(bars).ToHaveCountAsync(4);
        var heights = await bars.EvaluateAllAsync<double[]>("bars => bars.map(b => b.height.baseVal.value)");
        Assert.InRange(heights[1] / heights[0], 1.99, 2.01);
        // The address keeps the nights, so a reload or a link shows the same ones.
        Assert.Contains($"from={ApiFixture.Day(1)}&to={ApiFixture.Day(5)}", page.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "figures-1400");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Equal($"hotel-figures-{ApiFixture.Day(1)}-to-{ApiFixture.Day(4)}.csv", download.SuggestedFilename);
        Assert.Equal(
            "night,rooms,outOfOrder,roomsSold,occupancy,roomRevenue,adr,revPar,arrivals,departures,inHouse,currency\r\n"
            + $"{ApiFixture.Day(1)},3,0,1,0.3333,100.00,100.00,33.33,1,0,0,EUR\r\n"
            + $"{ApiFixture.Day(2)},3,0,2,0.6667,350.00,175.00,116.67,1,0,0,EUR\r\n"
            + $"{ApiFixture.Day(3)},3,0,1,0.3333,100.00,100.00,33.33,1,2,0,EUR\r\n"
            + $"{ApiFixture.Day(4)},3,0,1,0.3333,100.00,100.00,33.33,0,0,0,EUR\r\n",
            csv);
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task The_page_fits_a_tablet_and_a_long_property_name_wraps_without_widening_it()
    {
        var org = await HotelWithBookingsAsync();
        var tablet = await OpenFiguresFromTheBoardAsync(await browsers.OpenBoardAsync(org, width: 1024));
        await PickAsync(tablet, 1, 30);
        await Expect(tablet.Locator("#nights tbody tr")).ToHaveCountAsync(30);
        Assert.True(await FitsAsync(tablet), "the figures page scrolls sideways at 1024 px");
        await BrowserFixture.ScreenshotAsync(tablet, "figures-1024");

        await browsers.Api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/settings", ApiFixture.PropertySettings(LongName)).OkAsync();
        foreach (var width in new[] { 1024, 1400 })
        {
            var page = await OpenFiguresFromTheBoardAsync(await browsers.OpenBoardAsync(org, width));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = LongName })).ToBeVisibleAsync();
            await Expect(page.Locator("#nights tbody tr").First).ToBeVisibleAsync();
            Assert.True(await FitsAsync(page), $"a long property name widens the figures page at {width} px");
            await BrowserFixture.ScreenshotAsync(page, $"figures-long-name-{width}");
        }

        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task Staff_see_no_figures_link_on_the_board_and_the_figures_page_tells_them_why()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        var invitation = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Staff" }).OkAsync();
        using var anonymous = browsers.Api.App.NewClient();
        await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Sam", password = ApiFixture.Password }).OkAsync();

        var board = await browsers.OpenAsync($"/board?org={org}&property=hotel");
        var form = board.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" });
        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");
        await Expect(board.GetByText(email)).ToBeVisibleAsync();
        await Expect(board.GetByRole(AriaRole.Link, new() { Name = "Figures" })).ToBeHiddenAsync();

        await board.GotoAsync($"/figures?org={org}&property=hotel");
        await Expect(board.GetByRole(AriaRole.Alert)).ToContainTextAsync("for managers and owners");
        await Expect(board.GetByRole(AriaRole.Region, new() { Name = "Totals" })).ToBeHiddenAsync();
        await Expect(board.GetByText("€")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(board, "figures-staff-refused-1400");
        Assert.Empty(browsers.PageErrors);
    }

    /// <summary>
    /// Three rooms at 100 (doubles) and 250 (the suite): d1 nights 1-2, the suite night 2, d2 nights 3-4
    /// confirmed; d2 held for night 1 (not sold) and d1 confirmed for nights 10-11, outside the range.
    /// </summary>
    private async Task<string> HotelWithBookingsAsync()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 1);
        await BookAsync(org, "d1", 1, 3);
        await BookAsync(org, "s1", 2, 3);
        await BookAsync(org, "d2", 1, 2, confirm: false);
        await BookAsync(org, "d2", 3, 5);
        await BookAsync(org, "d1", 10, 12);
        // The figures follow the property's events in order: once the last is in, all of them are.
        await Eventually.Until(
            () => browsers.Api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/figures?from={ApiFixture.Day(10)}&to={ApiFixture.Day(11)}").OkAsync(),
            figures => figures.GetProperty("nights")[0].GetProperty("roomsSold").GetInt32() == 1);
        return org;
    }

    private async Task BookAsync(string org, string room, int from, int to, bool confirm = true)
    {
        var booking = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to)).OkAsync()).GetProperty("id").GetString();
        if (confirm)
        {
            await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        }
    }

    /// <summary>Follows the board header's link, in the same tab, so the board's sign-in carries over.</summary>
    private static async Task<IPage> OpenFiguresFromTheBoardAsync(IPage board)
    {
        await board.GetByRole(AriaRole.Link, new() { Name = "Figures" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Region, new() { Name = "Totals" })).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(board.Locator("#nights tbody tr").First).ToBeVisibleAsync();
        return board;
    }

    private static async Task PickAsync(IPage page, int firstNight, int lastNight)
    {
        await page.GetByLabel("First night").FillAsync(ApiFixture.Day(firstNight));
        await page.GetByLabel("Last night").FillAsync(ApiFixture.Day(lastNight));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#nights tbody tr").First).ToHaveAttributeAsync("data-night", ApiFixture.Day(firstNight));
        await Expect(page.Locator("#nights tbody tr").Last).ToHaveAttributeAsync("data-night", ApiFixture.Day(lastNight));
    }

    private static ILocator Total(ILocator totals, string name) => totals.Locator("div", new() { Has = totals.Page.GetByText(name, new() { Exact = true }) }).Locator("dd");

    private static ILocator Cells(ILocator row) => row.Locator("td");

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
