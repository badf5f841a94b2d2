using System.Text.Json;
using Actors.Api.Tests;
using Actors.Api.Tests.Funnel;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>
/// The booking funnel from the guests' side and the manager's: two guests who agree to be counted,
/// from two campaigns, each dealt a variant of the running A/B test; one books and one leaves after
/// choosing a room; a third declines and sends nothing. The report (API and page) shows exactly that.
/// </summary>
public sealed class FunnelPageTests(FunnelBrowsers browsers) : IClassFixture<FunnelBrowsers>
{
    [Fact]
    public async Task Two_guests_under_two_variants_from_two_sources_one_books_one_abandons_and_the_report_shows_exactly_that()
    {
        var api = browsers.Api;
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        var tests = $"/api/orgs/{org}/properties/hotel/ab-tests";
        var test = await api.Client.PostAsync(tests, new
        {
            name = "Sea headline",
            variants = new object[]
            {
                new { key = "plain", weight = 1 },
                new { key = "sea-view", weight = 1, headline = "Wake up to the sea", roomTypeOrder = new[] { "suite" }, showRoomsLeft = false },
            },
        }).OkAsync();
        await api.Client.PostAsync($"{tests}/{test.GetProperty("id").GetString()}/start", null).OkAsync();

        // The first guest, from the newsletter, is dealt the first variant and books.
        var booker = await browsers.OpenAsync($"/book/{org}/hotel?utm_source=newsletter&utm_medium=email&utm_campaign=spring");
        await ConsentAsync(booker, yes: true);
        await Expect(booker.GetByRole(AriaRole.Heading, new() { Name = "Hotel", Exact = true })).ToBeVisibleAsync();
        await Guests.BookDoubleAsync(booker, "Ann Booker", 10, 12);

        // The second, from a search ad, sees the second variant: its headline, suites first, no "only N left"; it leaves after choosing.
        var leaver = await browsers.OpenAsync($"/book/{org}/hotel?utm_source=google&utm_medium=cpc&utm_campaign=brand");
        var leaverCalls = new List<string>();
        leaver.Request += (_, request) =>
        {
            if (request.Url.Contains("/visits", StringComparison.Ordinal))
            {
                leaverCalls.Add(request.Url);
            }
        };
        await ConsentAsync(leaver, yes: true);
        await Expect(leaver.GetByRole(AriaRole.Heading, new() { Name = "Wake up to the sea" })).ToBeVisibleAsync();
        await leaver.GetByRole(AriaRole.Button, new() { Name = "Search rooms" }).ClickAsync();
        await Expect(leaver.Locator(".room-option h3")).ToHaveTextAsync(["Suite", "Double"]);
        await Expect(leaver.Locator(".room-option .scarce")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(leaver, "funnel-guest-variant-1400");
        await leaver.GetByRole(AriaRole.Button, new() { Name = "Choose Double" }).ClickAsync();
        await Expect(leaver.GetByLabel("Full name")).ToBeVisibleAsync();

        // The third declines: the page sends nothing about the visit and keeps nothing but the answer.
        var decliner = await browsers.OpenAsync($"/book/{org}/hotel?utm_source=facebook");
        var counted = new List<string>();
        decliner.Request += (_, request) =>
        {
            if (request.Url.Contains("/visits", StringComparison.Ordinal))
            {
                counted.Add(request.Url);
            }
        };
        await BrowserFixture.ScreenshotAsync(decliner, "funnel-consent-1400");
        await ConsentAsync(decliner, yes: false);
        await decliner.GetByRole(AriaRole.Button, new() { Name = "Search rooms" }).ClickAsync();
        await decliner.GetByRole(AriaRole.Button, new() { Name = "Choose Double" }).ClickAsync();
        await Expect(decliner.GetByLabel("Full name")).ToBeVisibleAsync();
        Assert.Equal("no", await decliner.EvaluateAsync<string>("() => localStorage.getItem('booking-page.count-visits')"));
        Assert.Equal(0, await decliner.EvaluateAsync<int>("() => sessionStorage.length"));

        // Through the API: two sessions, every step of the page twice, one hold, one booking, one abandoned.
        // The page gathers its steps for half a second before it reports them, so wait for the leaver's last.
        var report = await Visitors.ReportWhenAsync(api.Client, org, r => r.GetProperty("abandoned").GetInt32() == 1 && r.GetProperty("bookings").GetInt32() == 1 && Visitors.Step(r, "chose-room") == 2);
        Assert.Empty(counted);
        // Four steps in at most three calls: "viewed" rode with the start, the search's burst went as one.
        Assert.InRange(leaverCalls.Count, 2, 3);
        Assert.Equal(2, report.GetProperty("sessions").GetInt32());
        Assert.Equal("2 2 2 2 1 1", Visitors.Steps(report));
        Assert.Equal(200m, report.GetProperty("revenue").GetDecimal());
        var sources = report.GetProperty("sources").EnumerateArray().Select(s => Line(s, "source", "medium", "campaign", "sessions", "bookings", "revenue")).Order().ToList();
        Assert.Equal(["google cpc brand 1 0 0", "newsletter email spring 1 1 200"], sources);
        var variants = Assert.Single(report.GetProperty("tests").EnumerateArray()).GetProperty("variants").EnumerateArray()
            .Select(v => Line(v, "variant", "sessions", "bookings")).ToList();
        Assert.Equal(["plain 1 1", "sea-view 1 0"], variants);

        // The manager's page, reached from the figures page, shows the same.
        foreach (var width in new[] { 1400, 1024 })
        {
            var figures = await browsers.OpenAsync($"/figures?org={org}&property=hotel", width);
            await SignInAsync(figures, "Sign in to see the figures");
            await figures.GetByRole(AriaRole.Link, new() { Name = "Booking funnel" }).ClickAsync();
            var page = figures;
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hotel", Exact = true })).ToBeVisibleAsync();
            var totals = page.GetByRole(AriaRole.Region, new() { Name = "Visits" });
            await Expect(Total(totals, "Sessions")).ToHaveTextAsync("2");
            await Expect(Total(totals, "Bookings")).ToHaveTextAsync("1");
            await Expect(Total(totals, "Conversion")).ToHaveTextAsync("50.0%");
            await Expect(Total(totals, "Revenue")).ToHaveTextAsync("€200.00");
            await Expect(Total(totals, "Abandoned")).ToHaveTextAsync("1");
            await Expect(page.Locator("#steps tbody tr")).ToHaveCountAsync(8);
            await Expect(page.Locator("#steps tr[data-step='confirmed'] td").First).ToHaveTextAsync("1");
            await Expect(page.Locator("#steps tr[data-step='chose-room'] td").First).ToHaveTextAsync("2");
            await Expect(page.Locator("#chart svg rect.bar:not(.lost)")).ToHaveCountAsync(7);
            await Expect(page.Locator("#sources tr[data-source='newsletter'] td")).ToHaveTextAsync(["newsletter", "email", "spring", "1", "1", "100.0%", "€200.00"]);
            await Expect(page.Locator("#sources tr[data-source='google'] td")).ToHaveTextAsync(["google", "cpc", "brand", "1", "0", "0.0%", "€0.00"]);
            await Expect(page.Locator(".test tr[data-variant='plain'] td").First).ToHaveTextAsync("1");
            await Expect(page.Locator(".test tr[data-variant='sea-view'] td").Nth(1)).ToHaveTextAsync("0");
            await Expect(page.GetByText("two-proportion z-test", new() { Exact = false })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the page scrolls sideways at {width} px");
            await BrowserFixture.ScreenshotAsync(page, $"funnel-{width}");

            if (width == 1400)
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
                var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
                Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.Contains("\"newsletter\",\"email\",\"spring\",1,plain,1,1,1,1,1,1,1,0,200.00,EUR", csv, StringComparison.Ordinal);
            }
        }

        Assert.Empty(browsers.PageErrors);
    }

    private static async Task ConsentAsync(IPage guest, bool yes)
    {
        var consent = guest.GetByRole(AriaRole.Complementary, new() { Name = "Help this hotel improve its booking page" });
        await Expect(consent).ToBeVisibleAsync();
        await consent.GetByRole(AriaRole.Button, new() { Name = yes ? "Yes" : "No", Exact = true }).ClickAsync();
        await Expect(consent).ToBeHiddenAsync();
    }

    private async Task SignInAsync(IPage page, string form)
    {
        var region = page.GetByRole(AriaRole.Region, new() { Name = form });
        await region.GetByLabel("Email", new() { Exact = true }).FillAsync(browsers.Api.OwnerEmail);
        await region.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await region.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(region).ToBeHiddenAsync();
    }

    private static ILocator Total(ILocator totals, string name) => totals.Locator("div", new() { Has = totals.Page.GetByText(name, new() { Exact = true }) }).Locator("dd");

    private static string Line(JsonElement element, params string[] fields) =>
        string.Join(' ', fields.Select(f => element.GetProperty(f) is var v && v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()));
}
