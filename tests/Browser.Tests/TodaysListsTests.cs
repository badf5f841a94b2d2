using System.Text.Json.Nodes;
using Actors.Api.Tests;
using Actors.Api.Tests.Exports;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>Today's lists beside the board: arrivals, departures and in house, with check-in and check-out from them.</summary>
public sealed class TodaysListsTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_guest_checked_in_from_the_arrivals_moves_to_in_house_and_checked_out_from_there_leaves_the_lists_on_every_board()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 4, suites: 0);
        var arriving = await BookAsync(org, "d1", 0, 2, "Anouk Arriving");
        await BookAsync(org, "d2", 0, 3, "Hamid Held", confirm: false);
        var staying = await BookAsync(org, "d3", 0, 4, "Ingrid Staying");
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{staying}/check-in", null).OkAsync();
        await BookAsync(org, "d4", 5, 7, "Later Guest");

        var board = await browsers.OpenBoardAsync(org);
        var colleague = await browsers.OpenBoardAsync(org);
        // Shown on demand: the board's nights keep their width, and a desk opens the lists when it works from them.
        await Expect(board.Locator("#desk")).ToBeHiddenAsync();
        var toggle = board.GetByRole(AriaRole.Button, new() { Name = "Today's lists" });
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Today's lists" }).ClickAsync();

        var desk = board.GetByRole(AriaRole.Complementary, new() { Name = "Today at the desk" });
        var arrivals = desk.GetByRole(AriaRole.Region, new() { Name = "Arrivals" });
        var departures = desk.GetByRole(AriaRole.Region, new() { Name = "Departures" });
        var inHouse = desk.GetByRole(AriaRole.Region, new() { Name = "In house" });
        await Expect(arrivals.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(arrivals).ToContainTextAsync("Anouk Arriving");
        await Expect(arrivals).ToContainTextAsync("Hamid Held");
        await Expect(arrivals).ToContainTextAsync("Double 2 · 3 nights · out");
        await Expect(departures).ToContainTextAsync("No more departures today.");
        await Expect(inHouse.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(inHouse).ToContainTextAsync("Ingrid Staying");
        await Expect(desk).Not.ToContainTextAsync("Later Guest");
        await BrowserFixture.ScreenshotAsync(board, "board-todays-lists-1400");

        await arrivals.GetByRole(AriaRole.Button, new() { Name = "Check in Anouk Arriving" }).ClickAsync();
        await Expect(inHouse.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Expect(arrivals).Not.ToContainTextAsync("Anouk Arriving");
        await Expect(board.Locator($".bar[data-booking='{arriving}']")).ToHaveAttributeAsync("data-status", "CheckedIn");
        var colleaguesInHouse = colleague.GetByRole(AriaRole.Region, new() { Name = "In house" });
        await Expect(colleaguesInHouse).ToContainTextAsync("Anouk Arriving");

        await inHouse.GetByRole(AriaRole.Button, new() { Name = "Check out Anouk Arriving" }).ClickAsync();
        await Expect(inHouse.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(board.Locator($".bar[data-booking='{arriving}']")).ToHaveAttributeAsync("data-status", "CheckedOut");
        await Expect(colleaguesInHouse).Not.ToContainTextAsync("Anouk Arriving");
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));

        // The lists are today's whatever nights the board shows, and the choice to show them survives a reload.
        await board.GetByLabel("First night").FillAsync(ApiFixture.Day(20));
        await Expect(board.Locator("#board .night").First).ToHaveAttributeAsync("data-night", ApiFixture.Day(20));
        await Expect(inHouse).ToContainTextAsync("Ingrid Staying");
        await board.ReloadAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");
        await Expect(inHouse).ToContainTextAsync("Ingrid Staying");
        await Expect(arrivals).ToContainTextAsync("Hamid Held");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_guest_due_out_today_is_listed_under_departures_and_checked_out_from_there()
    {
        // The API takes no arrival in the past, so the hotel comes in through an import, as a move from
        // another system would bring it: a guest in house for the last two nights, leaving today.
        var source = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 0);
        var document = JsonNode.Parse((await browsers.Api.Client.GetAsync($"/api/orgs/{source}/export").OkAsync()).GetRawText())!;
        document["properties"]![0]!["bookings"]!.AsArray().Add(ExportedBookings.Booking("leaving", "d1", -2, 0, "CheckedIn"));
        var org = "desk-" + Guid.NewGuid().ToString("N")[..12];
        await browsers.Api.Client.PostAsync("/api/orgs", new { id = org, name = "Desk Hotels", plan = "Premium" }).OkAsync();
        await browsers.Api.Client.PostAsync($"/api/orgs/{org}/import", document).OkAsync();

        var board = await browsers.OpenBoardAsync(org);
        await board.GetByRole(AriaRole.Button, new() { Name = "Today's lists" }).ClickAsync();
        var desk = board.GetByRole(AriaRole.Complementary, new() { Name = "Today at the desk" });
        var departures = desk.GetByRole(AriaRole.Region, new() { Name = "Departures" });
        await Expect(departures.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(departures).ToContainTextAsync("Guest leaving");
        await Expect(desk.GetByRole(AriaRole.Region, new() { Name = "In house" })).ToContainTextAsync("Nobody in house.");
        await BrowserFixture.ScreenshotAsync(board, "board-departures-today");

        await departures.GetByRole(AriaRole.Button, new() { Name = "Check out Guest leaving" }).ClickAsync();
        await Expect(departures).ToContainTextAsync("No more departures today.");
        await Expect(board.Locator(".room[data-room='d1'] select")).ToHaveAttributeAsync("data-housekeeping", "Dirty");
        var left = await browsers.Api.Client.GetAsync($"/api/orgs/{org}/bookings/leaving").OkAsync();
        Assert.Equal("CheckedOut", left.GetProperty("status").GetString());
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        Assert.Empty(browsers.PageErrors);
    }

    private async Task<string> BookAsync(string org, string room, int from, int to, string guest, bool confirm = true)
    {
        var booking = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, from, to, guest)).OkAsync()).GetProperty("id").GetString()!;
        if (confirm)
        {
            await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        }

        return booking;
    }
}
