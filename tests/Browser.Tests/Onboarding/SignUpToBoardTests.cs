using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests.Onboarding;

/// <summary>
/// From the sign-up page to a live board in one sitting: sign up, the setup wizard (property, a room
/// type, ten rooms in one go, the cancellation policy), sample bookings, then the board with its
/// onboarding checklist, which ticks the test booking taken there. The time the flow takes is
/// reported, never asserted: clicks here take no human time, so it is the system's share.
/// </summary>
public sealed class SignUpToBoardTests(BrowserFixture browsers, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string LongName = "The Grand Harbour View Seaside Hotel & Conference Centre of Saint-Jean-de-Luz";

    [Fact]
    public async Task A_new_hotel_signs_up_sets_up_its_property_and_sees_its_checklist_tick_a_test_booking_on_the_live_board()
    {
        var org = "grand-harbour-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var page = await browsers.NewPageAsync(width: 1024, height: 900);
        var requests = new ConcurrentQueue<(string Url, float Ttfb)>();
        page.RequestFinished += (_, request) => requests.Enqueue((request.Url, request.Timing.ResponseStart - request.Timing.RequestStart));
        var clock = Stopwatch.StartNew();

        await page.GotoAsync("/signup");
        await page.GetByLabel("Organization name").FillAsync(LongName);
        await Expect(page.GetByLabel("Organization id")).ToHaveValueAsync("the-grand-harbour-view-seaside-hotel-conference-centre-of-saint");
        await page.GetByLabel("Organization id").FillAsync(org);
        await page.GetByLabel("Standard").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Inès Owner");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/setup\\?org={org}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Set up {LongName}" })).ToBeVisibleAsync();
        await page.GetByLabel("Property name").FillAsync("Harbour View");
        await Expect(page.GetByLabel("Property id")).ToHaveValueAsync("harbour-view");
        await page.GetByLabel("Time zone").SelectOptionAsync("UTC");
        await page.GetByLabel("Currency").SelectOptionAsync("EUR");
        await page.GetByLabel("Check-in from").FillAsync("14:00");
        await page.GetByLabel("Check-out by").FillAsync("10:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: room types" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Next: rooms" }).ClickAsync();
        await Expect(page.GetByText("Add at least one room type")).ToBeVisibleAsync();
        await page.GetByLabel("Room type name").FillAsync("Double");
        await page.GetByLabel("Sleeps (guests)").FillAsync("2");
        await page.GetByLabel("Nightly rate").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add room type" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Room types" })).ToContainTextAsync("Double · sleeps 2 · €120.00 a night");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: rooms" }).ClickAsync();

        await page.GetByLabel("First number").FillAsync("101");
        await page.GetByLabel("How many").FillAsync("10");
        await Expect(page.GetByText("Rooms 101–110, Double.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rooms" }).ClickAsync();
        await Expect(page.Locator("#room-count")).ToHaveTextAsync("10");
        await BrowserFixture.ScreenshotAsync(page, "setup-rooms-1024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: cancellation" }).ClickAsync();

        await page.GetByLabel("Free cancellation until (days before arrival)").FillAsync("3");
        await page.GetByLabel("Later, the guest pays").SelectOptionAsync("FullStay");
        await Expect(page.GetByText("until 3 days before arrival; later they pay the whole stay")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();

        await Expect(page.GetByText("Harbour View: 1 room type, 10 rooms, check-in from 14:00, check-out by 10:30, UTC, EUR.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a week of sample bookings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove sample bookings" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "setup-done-1024");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the live board" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Live" })).ToBeVisibleAsync();
        clock.Stop();
        var toBoard = requests.ToList();
        var checklist = page.GetByRole(AriaRole.Region, new() { Name = "Getting started" });
        await Expect(checklist).ToContainTextAsync("3 of 6 done");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Team" })).ToBeVisibleAsync();
        await Expect(page.Locator(".bar").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "onboarding-board-1024");

        await BrowserFixture.ClickNightAsync(page, "101", ApiFixture.Day(9));
        await page.GetByLabel("Check-out").FillAsync(ApiFixture.Day(10));
        await page.GetByLabel("Guest name").FillAsync("Test Guest");
        await page.GetByLabel("Guest email").FillAsync("test.guest@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book and confirm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Test Guest, 101" })).ToBeVisibleAsync();
        await Expect(checklist.Locator("li[data-step='testBookingTaken']")).ToHaveAttributeAsync("data-done", "true");
        await Expect(checklist).ToContainTextAsync("4 of 6 done");

        await checklist.GetByRole(AriaRole.Button, new() { Name = "Remove sample bookings" }).ClickAsync();
        await Expect(checklist).ToContainTextAsync("Removed");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "(sample)" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Test Guest, 101" })).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(400, 900);
        await BrowserFixture.ScreenshotAsync(page, "onboarding-board-narrow");

        Report(clock.Elapsed, toBoard);
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task The_sign_up_and_wizard_pages_hold_a_long_organization_name_at_1024_px_and_on_a_phone()
    {
        foreach (var (width, name) in new[] { (1024, "1024"), (400, "narrow") })
        {
            var page = await browsers.OpenAsync("/signup", width: width, height: 900);
            await page.GetByLabel("Organization name").FillAsync(LongName);
            await page.GetByLabel("Your name").FillAsync("Inès Owner");
            await page.GetByLabel("Email").FillAsync("not-an-email");
            await page.GetByLabel("Password").FillAsync("short");
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the account" }).ClickAsync();
            // The API's own words, and the fields it named marked.
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("email");
            await Expect(page.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
            await BrowserFixture.ScreenshotAsync(page, $"signup-{name}");
            Assert.True(await FitsAsync(page), $"The sign-up page scrolls sideways at {width} px.");
        }

        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 1);
        var wizard = await browsers.OpenAsync($"/setup?org={org}&step=rooms", width: 400, height: 900);
        await wizard.GetByLabel("Email").FillAsync(browsers.Api.OwnerEmail);
        await wizard.GetByLabel("Password").FillAsync(ApiFixture.Password);
        await wizard.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(wizard.Locator("#room-count")).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(wizard, "setup-rooms-narrow");
        Assert.True(await FitsAsync(wizard), "The wizard scrolls sideways on a phone.");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_run_of_rooms_stops_at_the_free_plan_s_limit_and_the_wizard_says_so_in_the_api_s_words()
    {
        var org = "free-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"free-{Guid.NewGuid():N}@example.com";
        using (var anonymous = browsers.Api.App.NewClient())
        {
            await ApiFixture.SignUpAsync(anonymous, org, email, plan: "Free");
        }

        var page = await browsers.OpenAsync($"/setup?org={org}", width: 1024, height: 900);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Property name").FillAsync("Small Inn");
        await page.GetByLabel("Time zone").SelectOptionAsync("UTC");
        await page.GetByLabel("Check-in from").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: room types" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "checkInTime" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Check-in from")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Check-in from").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: room types" }).ClickAsync();
        await page.GetByLabel("Room type name").FillAsync("Twin");
        await page.GetByLabel("Nightly rate").FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add room type" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Room types" })).ToContainTextAsync("Twin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next: rooms" }).ClickAsync();
        await page.GetByLabel("First number").FillAsync("1");
        await page.GetByLabel("How many").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rooms" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Added 10 of 12 rooms, then: The Free plan allows 10 rooms" })).ToBeVisibleAsync();
        await Expect(page.Locator("#room-count")).ToHaveTextAsync("10");
        await BrowserFixture.ScreenshotAsync(page, "setup-plan-limit-1024");
        Assert.Empty(browsers.PageErrors);
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private void Report(TimeSpan elapsed, IReadOnlyList<(string Url, float Ttfb)> requests)
    {
        var api = requests.Where(r => r.Url.Contains("/api/", StringComparison.Ordinal)).ToList();
        var report = $"""
            Sign-up to live board (automated clicks, no human time), pages: /signup -> /setup (property, room type, 10 rooms, policy, sample bookings) -> /board live
            wall clock, first page to "Live": {elapsed.TotalSeconds:F1} s
            server time (time to first byte, summed over {requests.Count} requests): {requests.Sum(r => Math.Max(0, r.Ttfb)):F0} ms
              of which {api.Count} API calls: {api.Sum(r => Math.Max(0, r.Ttfb)):F0} ms
              slowest API call: {(api.Count == 0 ? "none" : $"{api.Max(r => r.Ttfb):F0} ms {new Uri(api.MaxBy(r => r.Ttfb).Url).AbsolutePath}")}
            """;
        output.WriteLine(report);
        var folder = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotFolder)!, "measurements");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "signup-to-board.txt"), report + Environment.NewLine);
    }
}
