using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>The nights a manager chooses to see (7, 14 or 30 from a picked date) and finding a guest on them, with the board live throughout.</summary>
public sealed class BoardZoomTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private const string LongName = "Dr. Alexandra Konstantinopoulou-Vanderbilt";

    [Fact]
    public async Task Zooming_to_30_nights_draws_30_fixed_nights_a_booking_made_after_zooming_appears_live_and_a_reload_keeps_the_zoom()
    {
        var org = await HotelWithStaysAsync(rooms: 8, stays: [(0, 2), (2, 5), (5, 9), (9, 14), (14, 17), (18, 24), (24, 29)]);
        var board = await browsers.OpenBoardAsync(org);
        await Expect(Nights(board)).ToHaveCountAsync(14);

        await board.GetByRole(AriaRole.Button, new() { Name = "30 nights", Exact = true }).ClickAsync();
        await Expect(Nights(board)).ToHaveCountAsync(30);
        await Expect(board.Locator(".bar[data-status='Confirmed']")).ToHaveCountAsync(56);
        var widths = await NightWidthsAsync(board);
        Assert.Single(widths.Distinct());
        Assert.Equal(30, await NightsInViewAsync(board));
        Assert.Equal(ApiFixture.Day(0), await Nights(board).First.GetAttributeAsync("data-night"));
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "30 nights", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        // A change beyond the nights shown arrives on the feed too: it draws nothing and breaks nothing.
        await BookAsync(org, "d1", 40, 42, "Far Ahead");
        await BookAsync(org, "d8", 17, 18, "Late Addition");
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Late Addition, Double 8" })).ToHaveAttributeAsync("data-status", "Confirmed");
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Far Ahead" })).ToHaveCountAsync(0);
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        await BrowserFixture.ScreenshotAsync(board, "board-zoom-30-1400");

        await board.ReloadAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");
        await Expect(Nights(board)).ToHaveCountAsync(30);
        Assert.Contains("nights=30", board.Url, StringComparison.Ordinal);
        Assert.Equal(widths, await NightWidthsAsync(board));
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Late Addition, Double 8" })).ToBeVisibleAsync();
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task Seven_nights_on_a_1024_px_tablet_are_seven_wide_fixed_nights_all_in_view()
    {
        var org = await HotelWithStaysAsync(rooms: 6, stays: [(0, 2), (2, 5), (6, 9)], name: i => i % 2 == 0 ? $"{LongName} {i}" : $"Guest {i}");
        var board = await browsers.OpenBoardAsync(org, width: 1024);

        var sevenNights = board.GetByRole(AriaRole.Button, new() { Name = "7 nights", Exact = true });
        await sevenNights.FocusAsync();
        await board.Keyboard.PressAsync("Enter");
        await Expect(Nights(board)).ToHaveCountAsync(7);
        await Expect(sevenNights).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Single((await NightWidthsAsync(board)).Distinct());
        Assert.Equal(7, await NightsInViewAsync(board));
        await Expect(board.Locator(".bar[data-status='Confirmed']")).ToHaveCountAsync(18);
        await BrowserFixture.ScreenshotAsync(board, "board-zoom-7-1024");

        await BookAsync(org, "d6", 9, 11, "Beyond The Week");
        await BookAsync(org, "d6", 5, 6, "Inside The Week");
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Inside The Week, Double 6" })).ToBeVisibleAsync();
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Beyond The Week" })).ToHaveCountAsync(0);
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_picked_date_starts_the_board_on_that_night_and_a_date_out_of_range_says_why_and_keeps_the_board()
    {
        var org = await HotelWithStaysAsync(rooms: 2, stays: [(10, 12), (12, 15)]);
        var board = await browsers.OpenBoardAsync(org);
        var firstNight = board.GetByLabel("First night");

        await firstNight.FillAsync(ApiFixture.Day(10));
        await Expect(Nights(board).First).ToHaveAttributeAsync("data-night", ApiFixture.Day(10));
        await Expect(Nights(board)).ToHaveCountAsync(14);
        await Expect(board.Locator(".bar:not(.clipped-start)")).ToHaveCountAsync(4);
        Assert.Contains($"from={ApiFixture.Day(10)}", board.Url, StringComparison.Ordinal);

        await firstNight.FillAsync("1999-12-31");
        var refusal = board.Locator("#range-error");
        await Expect(refusal).ToBeVisibleAsync();
        await Expect(refusal).ToHaveAttributeAsync("role", "alert");
        await Expect(refusal).ToContainTextAsync("cannot show nights from 1999-12-31: Use a date from 2000-01-01");
        await Expect(refusal).ToContainTextAsync("2000-01-01");
        await Expect(firstNight).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Nights(board).First).ToHaveAttributeAsync("data-night", ApiFixture.Day(10));
        await Expect(board.Locator(".bar")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(board, "board-date-out-of-range");

        // Today comes back from anywhere, and the live feed still runs after the refusal.
        await board.GetByRole(AriaRole.Button, new() { Name = "Today", Exact = true }).ClickAsync();
        await Expect(Nights(board).First).ToHaveAttributeAsync("data-night", ApiFixture.Day(0));
        await Expect(refusal).ToBeHiddenAsync();
        await BookAsync(org, "d1", 1, 3, "After The Refusal");
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "After The Refusal, Double 1" })).ToBeVisibleAsync();
        Assert.DoesNotContain("from=", board.Url, StringComparison.Ordinal);
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task Searching_a_long_guest_name_without_its_accents_marks_the_bar_Enter_focuses_it_and_a_new_match_is_marked_live()
    {
        var org = await HotelWithStaysAsync(rooms: 6, stays: [(0, 3), (3, 6), (6, 10)]);
        var wanted = await BookAsync(org, "d4", 11, 13, "Zoë Konstantinopoulou-Vanderbilt");
        var board = await browsers.OpenBoardAsync(org);
        var search = board.GetByLabel("Find a guest or booking");
        var result = board.Locator("#find-result");
        var bar = board.Locator($".bar[data-booking='{wanted}']");

        await search.FillAsync("zoe konstantinopoulou");
        await Expect(result).ToHaveTextAsync("1 booking matches “zoe konstantinopoulou”.");
        await Expect(bar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfound\b"));
        await Expect(board.Locator(".bar.found")).ToHaveCountAsync(1);
        await search.PressAsync("Enter");
        await Expect(bar).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(board, "board-search-hit-1400");

        // The board stays live while a search is on: a new booking for the same guest is marked as it arrives.
        await search.FillAsync("konstantinopoulou");
        var again = await BookAsync(org, "d1", 11, 12, "Zoe Konstantinopoulou-Vanderbilt");
        await Expect(board.Locator($".bar[data-booking='{again}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfound\b"));
        await Expect(result).ToContainTextAsync("2 bookings match");

        await search.FillAsync(wanted[..8]);
        await Expect(board.Locator(".bar.found")).ToHaveCountAsync(1);
        await Expect(bar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfound\b"));

        await search.FillAsync("Nobody Here");
        await Expect(result).ToHaveTextAsync("No guest or booking matches “Nobody Here” on these nights.");
        await Expect(board.Locator(".bar.found")).ToHaveCountAsync(0);

        await search.FillAsync("");
        await Expect(result).ToHaveTextAsync("");
        await Expect(board.Locator("#board.finding")).ToHaveCountAsync(0);
        Assert.Empty(browsers.PageErrors);
    }

    private static ILocator Nights(IPage board) => board.Locator("#board .night");

    private async Task<string> BookAsync(string org, string room, int from, int to, string guest)
    {
        var booking = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to, guest)).OkAsync()).GetProperty("id").GetString()!;
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        return booking;
    }

    /// <summary>A hotel of doubles, each with confirmed stays over the given nights.</summary>
    private async Task<string> HotelWithStaysAsync(int rooms, (int From, int To)[] stays, Func<int, string>? name = null)
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: rooms, suites: 0);
        var index = 0;
        for (var room = 1; room <= rooms; room++)
        {
            foreach (var (from, to) in stays)
            {
                await BookAsync(org, $"d{room}", from, to, name?.Invoke(index) ?? $"Guest {index}");
                index++;
            }
        }

        return org;
    }

    private static Task<double[]> NightWidthsAsync(IPage board) =>
        board.EvaluateAsync<double[]>("() => [...document.querySelectorAll('#board .night')].map(n => n.getBoundingClientRect().width)");

    /// <summary>How many nights show whole, without scrolling sideways.</summary>
    private static Task<int> NightsInViewAsync(IPage board) => board.EvaluateAsync<int>("""
        () => {
          const area = document.querySelector('.board-scroll');
          const right = area.getBoundingClientRect().left + area.clientWidth;
          return [...document.querySelectorAll('#board .night')].filter(n => n.getBoundingClientRect().right <= right + 0.5).length;
        }
        """);
}
