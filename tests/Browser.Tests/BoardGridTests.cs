using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>The board's geometry: nights of one fixed width, whatever the names on the bars.</summary>
public sealed class BoardGridTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    private const string LongName = "Dr. Alexandra Konstantinopoulou-Vanderbilt";

    [Fact]
    public async Task A_long_guest_name_is_cut_short_on_its_bar_shown_whole_on_focus_and_never_widens_the_nights()
    {
        var longNames = await HotelWithStaysAsync(rooms: 2, name: i => $"{LongName} {i}");
        var shortNames = await HotelWithStaysAsync(rooms: 2, name: i => $"Li {i}");
        var wide = await browsers.OpenBoardAsync(longNames);
        var narrow = await browsers.OpenBoardAsync(shortNames);
        await Expect(wide.Locator(".bar")).ToHaveCountAsync(6);
        await Expect(narrow.Locator(".bar")).ToHaveCountAsync(6);

        var longWidths = await NightWidthsAsync(wide);
        var shortWidths = await NightWidthsAsync(narrow);
        Assert.Equal(14, longWidths.Length);
        Assert.Single(longWidths.Distinct());
        Assert.Equal(shortWidths, longWidths);
        Assert.Equal(14, await NightsInViewAsync(wide));
        await BrowserFixture.ScreenshotAsync(wide, "board-long-names-1400");

        var bar = wide.GetByRole(AriaRole.Button, new() { Name = $"{LongName} 0, Double 1" }).First;
        Assert.Contains(LongName, await bar.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.True(await bar.EvaluateAsync<bool>("b => { const g = b.querySelector('.guest'); return g.scrollWidth > g.clientWidth && getComputedStyle(g).textOverflow === 'ellipsis'; }"));

        // Reached from the keyboard, the bar shows the whole name over the nights after it; the nights stay as they were.
        await bar.FocusAsync();
        await wide.Keyboard.PressAsync("Shift+Tab");
        await wide.Keyboard.PressAsync("Tab");
        Assert.True(await bar.EvaluateAsync<bool>("b => b === document.activeElement && b.matches(':focus-visible')"));
        Assert.True(await bar.EvaluateAsync<bool>("b => { const g = b.querySelector('.guest'); return g.scrollWidth <= g.clientWidth; }"));
        Assert.Equal(longWidths, await NightWidthsAsync(wide));
        await BrowserFixture.ScreenshotAsync(wide, "board-long-name-focused-1400");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_board_full_of_bookings_on_a_1024_px_tablet_keeps_fixed_nights_and_shows_ten_of_them()
    {
        var org = await HotelWithStaysAsync(rooms: 8, name: i => i % 3 == 0 ? $"{LongName} {i}" : $"Guest {i}", stays: [(0, 2), (2, 5), (5, 6), (6, 9), (9, 14)]);
        var board = await browsers.OpenBoardAsync(org, width: 1024);
        await Expect(board.Locator(".bar[data-status='Confirmed']")).ToHaveCountAsync(40);

        var widths = await NightWidthsAsync(board);
        Assert.Single(widths.Distinct());
        Assert.True(await NightsInViewAsync(board) >= 10, "a tablet shows at least ten nights");
        await BrowserFixture.ScreenshotAsync(board, "board-many-bookings-1024");

        var fourteen = await browsers.OpenBoardAsync(org);
        Assert.Equal(widths, await NightWidthsAsync(fourteen));
        Assert.Equal(14, await NightsInViewAsync(fourteen));
        await BrowserFixture.ScreenshotAsync(fourteen, "board-many-bookings-1400");
        Assert.Empty(browsers.PageErrors);
    }

    /// <summary>A hotel of doubles, each with confirmed stays over the given nights, its guests named by <paramref name="name"/>.</summary>
    private async Task<string> HotelWithStaysAsync(int rooms, Func<int, string> name, (int From, int To)[]? stays = null)
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: rooms, suites: 0);
        var index = 0;
        for (var room = 1; room <= rooms; room++)
        {
            foreach (var (from, to) in stays ?? [(0, 2), (2, 5), (5, 7)])
            {
                var booking = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay($"d{room}", from, to, name(index++))).OkAsync()).GetProperty("id").GetString();
                await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
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
