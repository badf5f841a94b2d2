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
}
