using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>
/// Guests book a room type; the front desk sees those bookings in the type's "Unassigned" lane and
/// gives each a room by dragging it there, from its menu, or with "Auto-assign" for the day.
/// </summary>
public sealed class BoardUnassignedTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Bookings_by_room_type_wait_in_their_lane_and_get_rooms_by_drag_by_menu_and_by_auto_assign()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 3, suites: 1);
        var today = await HoldByTypeAsync(org, 0, 1, "Olga Today-Arrival");
        var ines = await HoldByTypeAsync(org, 1, 3, "Dr. Inês Konstantinopoulou-Vanderbilt");
        var rui = await HoldByTypeAsync(org, 2, 4, "Rui Overlap");
        var board = await browsers.OpenBoardAsync(org);
        var lane = board.Locator(".unassigned-line[data-type='double']");
        await Expect(lane).ToBeVisibleAsync();
        await Expect(board.Locator(".unassigned-line[data-type='suite']")).ToBeHiddenAsync();
        await Expect(lane.Locator(".bar")).ToHaveCountAsync(3);

        // Overlapping stays stack: Rui's nights overlap Inês's, so his bar sits on a row of its own.
        var inesBar = lane.Locator($".bar[data-booking='{ines}']");
        var ruiBar = lane.Locator($".bar[data-booking='{rui}']");
        Assert.True((await ruiBar.BoundingBoxAsync())!.Y > (await inesBar.BoundingBoxAsync())!.Y + 10);
        // Each holds a room the system kept for it, shown there as "kept", not as a free night.
        await Expect(board.Locator(".room-line .kept")).ToHaveCountAsync(3);
        await Expect(board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(2)}'] .count")).ToHaveTextAsync("1");
        await BrowserFixture.ScreenshotAsync(board, "board-unassigned-1400");

        // Dragged onto the free Double 3: assigned there, out of the lane, on every open board.
        var target = board.Locator(".lane[data-room='d3']");
        await inesBar.DragToAsync(target, new() { TargetPosition = new() { X = 20, Y = 10 } });
        await Expect(board.Locator($".room-line[data-room='d3'] .bar[data-booking='{ines}']")).ToBeVisibleAsync();
        await Expect(lane.Locator(".bar")).ToHaveCountAsync(2);
        var inesNow = await browsers.Api.Client.GetAsync($"/api/orgs/{org}/bookings/{ines}").OkAsync();
        Assert.Equal("d3", inesNow.GetProperty("roomId").GetString());
        Assert.False(inesNow.GetProperty("unassigned").GetBoolean());

        // Auto-assign for today: Olga arrives today and keeps her room; Rui, arriving later, waits.
        await lane.GetByRole(AriaRole.Button, new() { Name = "Auto-assign" }).ClickAsync();
        await Expect(lane.Locator($".bar[data-booking='{today}']")).ToHaveCountAsync(0);
        await Expect(board.Locator($".room-line .bar[data-booking='{today}']")).ToBeVisibleAsync();
        await Expect(lane.Locator(".bar")).ToHaveCountAsync(1);

        // From the keyboard: Rui's bar, its menu, "Assign": the lane empties and hides.
        await ruiBar.FocusAsync();
        await board.Keyboard.PressAsync("Enter");
        var menu = board.GetByRole(AriaRole.Dialog);
        await Expect(menu).ToContainTextAsync("Unassigned (kept:");
        await menu.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Assign ") }).ClickAsync();
        await Expect(lane).ToBeHiddenAsync();
        await Expect(board.Locator(".room-line .kept")).ToHaveCountAsync(0);
        Assert.False((await browsers.Api.Client.GetAsync($"/api/orgs/{org}/bookings/{rui}").OkAsync()).GetProperty("unassigned").GetBoolean());
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task The_lane_fits_a_tablet_with_long_names_and_many_waiting_bookings()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 6, suites: 1);
        for (var i = 0; i < 5; i++)
        {
            await HoldByTypeAsync(org, i, i + 3, $"Guest With A Very Long Family Name Number {i}");
        }

        var board = await browsers.OpenBoardAsync(org, width: 1024);
        var lane = board.Locator(".unassigned-line[data-type='double']");
        await Expect(lane.Locator(".bar")).ToHaveCountAsync(5);
        // Every bar stays inside the board's columns: the names are cut, the grid keeps its geometry.
        var night = await board.Locator($".night[data-night='{ApiFixture.Day(0)}']").BoundingBoxAsync();
        foreach (var bar in await lane.Locator(".bar").AllAsync())
        {
            var box = (await bar.BoundingBoxAsync())!;
            Assert.True(box.Width <= night!.Width * 3 + 1, $"a 3-night bar is {box.Width} px wide, nights {night.Width} px");
        }

        await BrowserFixture.ScreenshotAsync(board, "board-unassigned-1024");
    }

    private async Task<string> HoldByTypeAsync(string org, int from, int to, string guest)
    {
        var held = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomType = "double",
            checkIn = ApiFixture.Day(from),
            checkOut = ApiFixture.Day(to),
            guest = new { name = guest, email = "guest@example.com" },
        }).OkAsync();
        return held.GetProperty("id").GetString()!;
    }
}
