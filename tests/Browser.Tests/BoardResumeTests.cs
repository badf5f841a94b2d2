using System.Text.Json.Nodes;
using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

public sealed class BoardResumeTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_board_whose_last_event_is_past_the_end_of_the_servers_log_loads_again_and_shows_new_bookings()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 0);
        var snapshots = 0;
        var board = await browsers.OpenAsync("about:blank");
        // The board's first snapshot claims 40 events the log never had, as a board would after the
        // server restarted with a new in-memory log or its database was restored from a backup.
        await board.RouteAsync("**/properties/hotel/board**", async route =>
        {
            if (Interlocked.Increment(ref snapshots) > 1)
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync();
            var snapshot = JsonNode.Parse(await response.TextAsync())!;
            snapshot["sequence"] = snapshot["sequence"]!.GetValue<long>() + 40;
            await route.FulfillAsync(new() { Response = response, Body = snapshot.ToJsonString() });
        });
        await board.GotoAsync($"/board?org={org}&property=hotel");
        await browsers.SignInAsync(board);
        var status = board.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Live");

        var held = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 1, 3, "Nora Quist")).OkAsync();
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{held.GetProperty("id").GetString()}/confirm", null).OkAsync();

        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Nora Quist, Double 2" })).ToHaveAttributeAsync("data-status", "Confirmed");
        var sequence = (await browsers.Api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/board").OkAsync()).GetProperty("sequence").GetInt64();
        await Expect(status).ToContainTextAsync($"Live · event {sequence}");
        Assert.Equal(2, snapshots);
        await BrowserFixture.ScreenshotAsync(board, "board-reloaded-after-log-reset");
        Assert.Empty(browsers.PageErrors);
    }
}
