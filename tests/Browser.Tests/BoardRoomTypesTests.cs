using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>The board grouped as a desk sells: per room type its free rooms and rate each night, and bars that say price, nights and a hold's minutes.</summary>
public sealed class BoardRoomTypesTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Rooms_are_grouped_by_type_under_a_row_of_free_rooms_and_rates_that_follows_every_change_live()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 3, suites: 1);
        var api = browsers.Api.Client;
        await api.PutAsync($"/api/orgs/{org}/properties/hotel/room-types/double/rates", new { from = ApiFixture.Day(2), to = ApiFixture.Day(3), nightlyRate = 140m }).OkAsync();
        await ConfirmAsync(org, "d1", 0, 2, "Ana Confirmed");
        await api.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 1, 3, "Hal Held")).OkAsync();

        var board = await browsers.OpenBoardAsync(org);

        // Doubles first (the property's order), then the suite; each room under its own type.
        var rows = await board.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.type-row, .room[data-room]')].map(e => e.dataset.type ? 'type:' + e.dataset.type : e.dataset.room)");
        Assert.Equal(["type:double", "d1", "d2", "d3", "type:suite", "s1"], rows);
        await Expect(board.Locator(".type-row[data-type='double']")).ToContainTextAsync("Sleeps 2 · €100.00 a night");

        await Expect(Free(board, "double", 0)).ToHaveAttributeAsync("aria-label", $"Double, {Night(0)}: 2 of 3 free at €100.00");
        await Expect(Free(board, "double", 1)).ToHaveAttributeAsync("aria-label", $"Double, {Night(1)}: 1 of 3 free at €100.00");
        await Expect(Free(board, "double", 2)).ToHaveAttributeAsync("aria-label", $"Double, {Night(2)}: 2 of 3 free at €140.00");
        await Expect(Free(board, "suite", 0)).ToHaveAttributeAsync("aria-label", $"Suite, {Night(0)}: 1 of 1 free at €250.00");

        // Bars say what the desk asks: a hold's minutes left, the price, the nights.
        await Expect(board.Locator(".bar[data-status='Held'] .what")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Held · \d+ min · €240 due · 2 nights · 1 guest$"));
        await Expect(board.Locator(".bar[data-status='Confirmed'] .what")).ToHaveTextAsync("€200 due · 2 nights · 1 guest");

        // Live: a booking, a room out of order and a new rate change the free rooms without a reload.
        await ConfirmAsync(org, "d3", 0, 1, "Walk In");
        await Expect(Free(board, "double", 0)).ToHaveAttributeAsync("aria-label", $"Double, {Night(0)}: 1 of 3 free at €100.00");
        await api.PutAsync($"/api/orgs/{org}/properties/hotel/rooms/s1/housekeeping", new { status = "OutOfOrder" }).OkAsync();
        await Expect(Free(board, "suite", 0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bsold-out\b"));
        await api.PutAsync($"/api/orgs/{org}/properties/hotel/room-types/double/rates", new { from = ApiFixture.Day(0), to = ApiFixture.Day(1), nightlyRate = 90m }).OkAsync();
        await Expect(Free(board, "double", 0)).ToHaveAttributeAsync("aria-label", $"Double, {Night(0)}: 1 of 3 free at €90.00");
        await api.PutAsync($"/api/orgs/{org}/properties/hotel/room-types/double", new { name = "Double", nightlyRate = 110m }).OkAsync();
        await Expect(Free(board, "double", 4)).ToHaveAttributeAsync("aria-label", $"Double, {Night(4)}: 3 of 3 free at €110.00");
        await Expect(Free(board, "double", 2)).ToHaveAttributeAsync("aria-label", $"Double, {Night(2)}: 2 of 3 free at €140.00");
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        await BrowserFixture.ScreenshotAsync(board, "board-room-types");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task Dragging_a_stays_end_shows_the_new_price_before_it_is_saved_and_a_taken_night_is_refused()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 0);
        var stay = await ConfirmAsync(org, "d1", 1, 3, "Stretch Guest");
        await ConfirmAsync(org, "d1", 6, 8, "Next Guest");
        var board = await browsers.OpenBoardAsync(org);
        var bar = board.Locator($".bar[data-booking='{stay}']");

        // Pull the end from the last night to the night of day 4: four nights now, at 100 a night.
        await DragEndAsync(board, bar, toNight: 4);
        var review = board.GetByRole(AriaRole.Dialog, new() { Name = "Change the nights?" });
        await Expect(review.Locator("dd[data-term='New price']")).ToHaveTextAsync("€400.00");
        await Expect(review.Locator("dd[data-term='Difference']")).ToHaveTextAsync("+€200.00");
        await BrowserFixture.ScreenshotAsync(board, "board-stretch-review");
        Assert.Equal(ApiFixture.Day(3), await CheckOutAsync(org, stay));
        await review.GetByRole(AriaRole.Button, new() { Name = "Save new dates" }).ClickAsync();
        await Expect(review).ToBeHiddenAsync();
        await Expect(bar.Locator(".what")).ToHaveTextAsync("€400 due · 4 nights · 1 guest");
        Assert.Equal(ApiFixture.Day(5), await CheckOutAsync(org, stay));

        // From the keyboard: Shift+← shortens by a night; "Keep as it was" changes nothing.
        await bar.FocusAsync();
        await board.Keyboard.PressAsync("Shift+ArrowLeft");
        await Expect(review.Locator("dd[data-term='Difference']")).ToHaveTextAsync("-€100.00");
        await review.GetByRole(AriaRole.Button, new() { Name = "Keep as it was" }).ClickAsync();
        await Expect(review).ToBeHiddenAsync();
        Assert.Equal(ApiFixture.Day(5), await CheckOutAsync(org, stay));

        // Onto the next guest's night: the review shows the price, saving is refused, and the stay is as it was.
        await DragEndAsync(board, bar, toNight: 6);
        await Expect(review.Locator("dd[data-term='New price']")).ToHaveTextAsync("€600.00");
        await review.GetByRole(AriaRole.Button, new() { Name = "Save new dates" }).ClickAsync();
        await Expect(review.GetByRole(AriaRole.Alert)).ToContainTextAsync("already taken");
        await BrowserFixture.ScreenshotAsync(board, "board-stretch-refused");
        await review.GetByRole(AriaRole.Button, new() { Name = "Keep as it was" }).ClickAsync();
        await Expect(bar.Locator(".what")).ToHaveTextAsync("€400 due · 4 nights · 1 guest");
        Assert.Equal(ApiFixture.Day(5), await CheckOutAsync(org, stay));
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        Assert.Empty(browsers.PageErrors);
    }

    private static ILocator Free(IPage board, string type, int day) => board.Locator($".free[data-type='{type}'][data-night='{ApiFixture.Day(day)}']");

    /// <summary>A night as the board names it ("Tue 1 Dec"); English day and month names are the invariant culture's.</summary>
    private static string Night(int day) => DateOnly.Parse(ApiFixture.Day(day), System.Globalization.CultureInfo.InvariantCulture).ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Presses the bar's end (its last few pixels) and lets go over the given night's column, as a mouse would.</summary>
    private static async Task DragEndAsync(IPage board, ILocator bar, int toNight)
    {
        await bar.HoverAsync();
        var box = (await bar.BoundingBoxAsync())!;
        var column = (await board.Locator($".night[data-night='{ApiFixture.Day(toNight)}']").BoundingBoxAsync())!;
        var y = box.Y + box.Height / 2;
        await board.Mouse.MoveAsync(box.X + box.Width - 3, y);
        await board.Mouse.DownAsync();
        await board.Mouse.MoveAsync(column.X + column.Width / 2, y, new() { Steps = 8 });
        await board.Mouse.UpAsync();
    }

    private async Task<string> ConfirmAsync(string org, string room, int from, int to, string guest)
    {
        var id = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to, guest)).OkAsync()).GetProperty("id").GetString()!;
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/confirm", null).OkAsync();
        return id;
    }

    private async Task<string> CheckOutAsync(string org, string booking) =>
        (await browsers.Api.Client.GetAsync($"/api/orgs/{org}/bookings/{booking}").OkAsync()).GetProperty("checkOut").GetString()!;
}
