using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

public sealed class BoardBlocksTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_block_put_on_a_room_appears_on_an_open_board_with_its_reason_and_goes_when_removed()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 1);
        var board = await browsers.OpenBoardAsync(org);
        var blocks = $"/api/orgs/{org}/properties/hotel/rooms/d2/blocks";
        await Expect(board.Locator(".room[data-room='d2']")).ToBeVisibleAsync();

        var created = await browsers.Api.Client.PostAsync(blocks, new { from = ApiFixture.Day(2), to = ApiFixture.Day(5), kind = "out_of_order", reason = "Bathroom refit" }).OkAsync();

        var block = board.GetByRole(AriaRole.Note, new() { Name = "Double 2 out of order" });
        await Expect(block).ToBeVisibleAsync();
        await Expect(block).ToContainTextAsync("Bathroom refit");
        await Expect(block).ToHaveAttributeAsync("data-kind", "out_of_order");
        // Over the three nights of the block, in Double 2's row: the columns of those nights are covered.
        var first = await board.Locator($".night[data-night='{ApiFixture.Day(2)}']").BoundingBoxAsync();
        var last = await board.Locator($".night[data-night='{ApiFixture.Day(4)}']").BoundingBoxAsync();
        var row = await board.Locator(".lane[data-room='d2']").BoundingBoxAsync();
        var drawn = await block.BoundingBoxAsync();
        Assert.True(drawn!.X >= first!.X && drawn.X < first.X + first.Width, $"block starts at {drawn.X}, night {ApiFixture.Day(2)} at {first.X}");
        Assert.True(drawn.X + drawn.Width <= last!.X + last.Width + 1 && drawn.X + drawn.Width > last.X, $"block ends at {drawn.X + drawn.Width}, night {ApiFixture.Day(4)} ends at {last.X + last.Width}");
        Assert.True(drawn.Y >= row!.Y && drawn.Y + drawn.Height <= row.Y + row.Height + 1);
        // The doubles' free rooms count the blocked room out on its nights only.
        await Expect(board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(2)}'] .count")).ToHaveTextAsync("1");
        await Expect(board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(5)}'] .count")).ToHaveTextAsync("2");
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        await BrowserFixture.ScreenshotAsync(board, "board-room-block");

        // A reload draws it from the snapshot; removing it takes it off the open board.
        var reloaded = await browsers.OpenBoardAsync(org);
        await Expect(reloaded.GetByRole(AriaRole.Note, new() { Name = "Double 2 out of order" })).ToContainTextAsync("Bathroom refit");
        using var removed = await browsers.Api.Client.DeleteAsync($"{blocks}/{created.GetProperty("id").GetString()}");
        await Expect(block).ToHaveCountAsync(0);
        await Expect(reloaded.Locator(".block")).ToHaveCountAsync(0);
        await Expect(board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(2)}'] .count")).ToHaveTextAsync("2");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_manager_blocks_a_rooms_nights_from_the_board_and_removes_the_block_and_both_boards_follow()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 1);
        var booked = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 6, 8, "Booked Guest")).OkAsync()).GetProperty("id").GetString();
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{booked}/confirm", null).OkAsync();
        var board = await browsers.OpenBoardAsync(org);
        var other = await browsers.OpenBoardAsync(org);
        await Expect(Free(board, 2)).ToHaveTextAsync("2");

        // From Double 2's header: the nights of days 2 to 4, out of service, with a reason.
        await board.GetByRole(AriaRole.Button, new() { Name = "Block nights in Double 2…" }).ClickAsync();
        var dialog = board.GetByRole(AriaRole.Dialog, new() { Name = "Block nights" });
        await Expect(dialog).ToContainTextAsync("Double 2 · Double");
        await Expect(dialog.GetByLabel("Reason")).ToBeFocusedAsync();
        await dialog.GetByLabel("First blocked night").FillAsync(ApiFixture.Day(2));
        await dialog.GetByLabel("Last blocked night").FillAsync(ApiFixture.Day(4));
        await dialog.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Out of service" });
        await dialog.GetByLabel("Reason").FillAsync("Painting");
        await Expect(dialog.Locator("#block-nights-span")).ToContainTextAsync("3 nights; on sale again from");
        await BrowserFixture.ScreenshotAsync(board, "board-block-nights");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Block nights" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // Through the live feed on both boards: the note, and the doubles' free rooms one fewer on those nights only.
        foreach (var page in new[] { board, other })
        {
            await Expect(page.GetByRole(AriaRole.Note, new() { Name = "Double 2 out of service" })).ToContainTextAsync("Painting");
            await Expect(Free(page, 2)).ToHaveTextAsync("1");
            await Expect(Free(page, 4)).ToHaveTextAsync("1");
            await Expect(Free(page, 5)).ToHaveTextAsync("2");
        }

        // Over a booked night, on a tablet: refused in the API's words, in the dialog, and nothing is drawn.
        var narrow = await browsers.OpenBoardAsync(org, width: 1024);
        await narrow.GetByRole(AriaRole.Button, new() { Name = "Block nights in Double 1…" }).ClickAsync();
        var refused = narrow.GetByRole(AriaRole.Dialog, new() { Name = "Block nights" });
        await refused.GetByLabel("First blocked night").FillAsync(ApiFixture.Day(5));
        await refused.GetByLabel("Last blocked night").FillAsync(ApiFixture.Day(6));
        await refused.GetByLabel("Reason").FillAsync("Leak under the window");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Block nights" }).ClickAsync();
        await Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync($"has a stay from {ApiFixture.Day(6)} to {ApiFixture.Day(8)}");
        await Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("move or cancel it first");
        await BrowserFixture.ScreenshotAsync(narrow, "board-block-refused-1024");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(narrow.Locator(".block[data-room='d1']")).ToHaveCountAsync(0);

        // From the keyboard: Enter on the block opens its details; "Remove block" asks first, then it goes from both boards.
        var block = board.GetByRole(AriaRole.Note, new() { Name = "Double 2 out of service" });
        await block.FocusAsync();
        await board.Keyboard.PressAsync("Enter");
        var details = board.GetByRole(AriaRole.Dialog, new() { Name = "Double 2 · Out of service" });
        await Expect(details.Locator("dd[data-term='Reason']")).ToHaveTextAsync("Painting");
        await Expect(details.Locator("dd[data-term='Nights']")).ToContainTextAsync("3 nights");
        await BrowserFixture.ScreenshotAsync(board, "board-block-details");
        string? asked = null;
        board.Dialog += (_, question) =>
        {
            asked = question.Message;
            question.AcceptAsync();
        };
        await details.GetByRole(AriaRole.Button, new() { Name = "Remove block" }).ClickAsync();
        await Expect(details).ToBeHiddenAsync();
        Assert.StartsWith("Remove the block on Double 2", asked);
        foreach (var page in new[] { board, other, narrow })
        {
            await Expect(page.Locator(".block")).ToHaveCountAsync(0);
            await Expect(Free(page, 2)).ToHaveTextAsync("2");
        }

        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Block nights in Double 2…" })).ToBeFocusedAsync();
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        Assert.True(await BrowserFixture.NeverReloadedAsync(other));
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task Staff_may_read_a_block_on_the_board_but_putting_one_on_or_removing_it_is_refused_in_the_dialog()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms/d1/blocks", new { from = ApiFixture.Day(1), to = ApiFixture.Day(2), kind = "out_of_order", reason = "Broken boiler" }).OkAsync();
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

        await board.GetByRole(AriaRole.Button, new() { Name = "Block nights in Double 1…" }).ClickAsync();
        var dialog = board.GetByRole(AriaRole.Dialog, new() { Name = "Block nights" });
        await dialog.GetByLabel("First blocked night").FillAsync(ApiFixture.Day(4));
        await dialog.GetByLabel("Last blocked night").FillAsync(ApiFixture.Day(4));
        await dialog.GetByLabel("Reason").FillAsync("Deep clean");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Block nights" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(board, "board-block-staff-refused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await board.GetByRole(AriaRole.Note, new() { Name = "Double 1 out of order" }).ClickAsync();
        var details = board.GetByRole(AriaRole.Dialog, new() { Name = "Double 1 · Out of order" });
        await Expect(details.GetByRole(AriaRole.Button, new() { Name = "Close" })).ToBeFocusedAsync();
        board.Dialog += (_, question) => question.AcceptAsync();
        await details.GetByRole(AriaRole.Button, new() { Name = "Remove block" }).ClickAsync();
        await Expect(details.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(board.Locator(".block")).ToHaveCountAsync(1);
        Assert.Empty(browsers.PageErrors);
    }

    private static ILocator Free(IPage board, int day) => board.Locator($".free[data-type='double'][data-night='{ApiFixture.Day(day)}'] .count");
}
