using System.Text.RegularExpressions;
using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

public sealed partial class GuestCountTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_party_of_three_is_offered_only_rooms_that_sleep_three_and_the_manager_sees_how_many_are_coming()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 1);
        await browsers.Api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/room-types/suite", new { name = "Suite", nightlyRate = 250m, maxOccupancy = 4 }).OkAsync();
        var board = await browsers.OpenBoardAsync(org);
        var guest = await browsers.OpenAsync($"/book/{org}/hotel", width: 900, height: 900);

        await guest.GetByLabel("Check-in").FillAsync(ApiFixture.Day(3));
        await guest.GetByLabel("Check-out").FillAsync(ApiFixture.Day(5));
        await guest.GetByLabel("Guests").SelectOptionAsync(new SelectOptionValue { Label = "3 guests" });
        await guest.GetByRole(AriaRole.Button, new() { Name = "Search rooms" }).ClickAsync();

        await Expect(guest.GetByRole(AriaRole.Button, new() { Name = "Choose Suite" })).ToBeVisibleAsync();
        await Expect(guest.GetByRole(AriaRole.Button, new() { Name = "Choose Double" })).ToHaveCountAsync(0);
        await Expect(guest.GetByText("Sleeps up to 4")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(guest, "guest-rooms-for-three");

        await guest.GetByRole(AriaRole.Button, new() { Name = "Choose Suite" }).ClickAsync();
        await guest.GetByLabel("Full name").FillAsync("Berg Family");
        await guest.GetByLabel("Email").FillAsync("berg@example.com");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Hold this room" }).ClickAsync();
        await Expect(guest.GetByText("We are holding a Suite for you")).ToBeVisibleAsync();
        await Expect(guest.Locator("#held-booking")).ToContainTextAsync("3 guests");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();

        var stay = board.GetByRole(AriaRole.Button, new() { Name = "Berg Family, no room assigned (Suite)" });
        await Expect(stay).ToHaveAttributeAsync("data-status", "Confirmed");
        await Expect(stay).ToHaveAttributeAsync("aria-label", ThreeGuests());
        await stay.ClickAsync();
        await Expect(board.Locator("#booking-menu-details")).ToContainTextAsync("3 guests");
        await BrowserFixture.ScreenshotAsync(board, "board-booking-of-three");
        await board.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        // A walk-in party of three does not fit a double: the desk is told why, and the board stays as it was.
        await BrowserFixture.ClickNightAsync(board, "d1", ApiFixture.Day(0));
        await board.GetByLabel("Guest name").FillAsync("Walk In Trio");
        await board.GetByLabel("Guest email").FillAsync("trio@example.com");
        await board.GetByLabel("Guests", new() { Exact = true }).FillAsync("3");
        await board.GetByRole(AriaRole.Button, new() { Name = "Book and confirm" }).ClickAsync();
        await Expect(board.Locator("#new-booking-error")).ToContainTextAsync("sleeps at most 2 guests");
        await BrowserFixture.ScreenshotAsync(board, "board-walk-in-too-many-guests");
        await Expect(board.Locator(".bar")).ToHaveCountAsync(1);
        Assert.Empty(browsers.PageErrors);
    }

    [GeneratedRegex("3 guests$")]
    private static partial Regex ThreeGuests();
}
