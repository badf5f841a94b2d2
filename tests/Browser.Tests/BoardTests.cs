using Actors.Api.Tests;
using Actors.Persistence.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

public sealed class BoardTests(BrowserFixture browsers) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_guest_booking_appears_on_the_managers_board_without_reload_and_a_move_on_one_board_shows_on_another()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 1);
        var manager = await browsers.OpenBoardAsync(org);
        var frontDesk = await browsers.OpenBoardAsync(org);
        var guest = await browsers.OpenAsync($"/book/{org}/hotel", width: 900, height: 900);

        await Guests.BookDoubleAsync(guest, "Greta Lind", 2, 5);
        await BrowserFixture.ScreenshotAsync(guest, "guest-confirmation");

        // Booked by room type: it waits in the doubles' "Unassigned" lane until the desk gives it a room.
        var booking = manager.GetByRole(AriaRole.Button, new() { Name = "Greta Lind, no room assigned (Double)" });
        await Expect(booking).ToHaveAttributeAsync("data-status", "Confirmed");
        Assert.True(await BrowserFixture.NeverReloadedAsync(manager));
        await BrowserFixture.ScreenshotAsync(manager, "board-guest-booking");

        await booking.ClickAsync();
        await manager.GetByLabel("Move to room").SelectOptionAsync(new SelectOptionValue { Label = "Suite 1 · Suite" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();

        await Expect(frontDesk.GetByRole(AriaRole.Button, new() { Name = "Greta Lind, Suite 1" })).ToBeVisibleAsync();
        await Expect(frontDesk.GetByRole(AriaRole.Button, new() { Name = "Greta Lind, Double" })).ToHaveCountAsync(0);
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Greta Lind, Suite 1" })).ToBeVisibleAsync();
        Assert.True(await BrowserFixture.NeverReloadedAsync(frontDesk));
        await BrowserFixture.ScreenshotAsync(frontDesk, "board-after-move");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_manager_books_a_walk_in_on_an_empty_night_checks_the_guest_in_and_out_and_the_room_turns_dirty()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 0);
        var board = await browsers.OpenBoardAsync(org);

        await BrowserFixture.ClickNightAsync(board, "d2", ApiFixture.Day(0));
        await board.GetByLabel("Check-out").FillAsync(ApiFixture.Day(2));
        await board.GetByLabel("Guest name").FillAsync("Walk In");
        await board.GetByLabel("Guest email").FillAsync("walk.in@example.com");
        await BrowserFixture.ScreenshotAsync(board, "board-new-booking");
        await board.GetByRole(AriaRole.Button, new() { Name = "Book and confirm" }).ClickAsync();

        var stay = board.GetByRole(AriaRole.Button, new() { Name = "Walk In, Double 2" });
        await Expect(stay).ToHaveAttributeAsync("data-status", "Confirmed");
        var tonight = board.Locator("#tonight");
        await Expect(tonight).ToContainTextAsync("Tonight 1 of 2 sold (50%) · 1 arriving · 0 leaving · 0 in house");
        await stay.ClickAsync();
        await board.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Expect(stay).ToHaveAttributeAsync("data-status", "CheckedIn");
        await Expect(tonight).ToContainTextAsync("1 in house");
        await BrowserFixture.ScreenshotAsync(board, "board-booking-menu");
        await board.GetByRole(AriaRole.Button, new() { Name = "Check out" }).ClickAsync();
        await Expect(stay).ToHaveAttributeAsync("data-status", "CheckedOut");
        await board.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        var housekeeping = board.GetByLabel("Housekeeping for Double 2");
        await Expect(housekeeping).ToHaveValueAsync("Dirty");
        await housekeeping.SelectOptionAsync(new SelectOptionValue { Label = "Inspected" });
        await Expect(housekeeping).ToHaveValueAsync("Inspected");
        // The select shows the choice at once; the room grain has it once the page's request lands.
        var housekeepingSaved = await Eventually.Until(
            async () => (await browsers.Api.Client.GetAsync($"/api/orgs/{org}/properties/hotel/rooms/d2").OkAsync()).GetProperty("housekeeping").GetString(),
            status => status == "Inspected");
        Assert.Equal("Inspected", housekeepingSaved);
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_busy_week_with_long_guest_names_on_a_1024_px_tablet_shows_every_stay_and_tonights_figures()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 4, suites: 2);
        var rooms = new[] { "d1", "d2", "d3", "d4", "s1", "s2" };
        foreach (var (room, index) in rooms.Select((r, i) => (r, i)))
        {
            foreach (var (from, to) in new[] { (0, 2), (2, 5), (5, 7) })
            {
                var booking = (await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings",
                    ApiFixture.Stay(room, from, to, $"Dr. Alexandra Konstantinopoulou-Vanderbilt {index}{from}")).OkAsync()).GetProperty("id").GetString();
                await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
            }
        }

        var board = await browsers.OpenBoardAsync(org, width: 1024);
        await Expect(board.Locator("#tonight")).ToContainTextAsync("Tonight 6 of 6 sold (100%) · 6 arriving");
        await Expect(board.Locator(".bar[data-status='Confirmed']")).ToHaveCountAsync(18);
        await BrowserFixture.ScreenshotAsync(board, "board-busy-week-1024");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_guest_cancels_through_the_private_link_and_the_booking_leaves_the_board()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var board = await browsers.OpenBoardAsync(org);
        var guest = await browsers.OpenAsync($"/book/{org}/hotel", width: 900, height: 900);
        var link = await Guests.BookDoubleAsync(guest, "Hugo Brandt", 6, 8);
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Hugo Brandt, no room assigned (Double)" })).ToBeVisibleAsync();

        var later = await browsers.OpenAsync(new Uri(link).PathAndQuery, width: 900, height: 900);
        await Expect(later.GetByText("Confirmed", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(later, "guest-private-link");
        later.Dialog += (_, question) => question.AcceptAsync();
        await later.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await Expect(later.GetByText("Cancelled", new() { Exact = true })).ToBeVisibleAsync();

        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Hugo Brandt, no room assigned (Double)" })).ToHaveCountAsync(0);
        var other = await browsers.OpenAsync(new Uri(link).AbsolutePath[..^4] + "AAAA", width: 900, height: 900);
        await Expect(other.GetByText("This link does not lead to a booking")).ToBeVisibleAsync();
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_board_that_loses_its_connection_says_so_and_on_return_shows_what_happened_meanwhile_without_loading_again()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 2, suites: 0);
        var hubDown = false;
        var sockets = new List<IWebSocketRoute>();
        var snapshots = 0;
        var board = await browsers.OpenAsync("about:blank");
        board.Request += (_, request) => snapshots += request.Url.Contains("/properties/hotel/board", StringComparison.Ordinal) ? 1 : 0;
        // The network between this board and the hub, under the test's control: while it is down, no connection gets through.
        await board.RouteAsync("**/hubs/board/negotiate**", route => hubDown ? route.AbortAsync() : route.ContinueAsync());
        await board.RouteWebSocketAsync("**/hubs/board**", socket =>
        {
            lock (sockets)
            {
                sockets.Add(socket);
            }

            if (hubDown)
            {
                _ = socket.CloseAsync();
            }
            else
            {
                socket.ConnectToServer();
            }
        });
        await board.GotoAsync($"/board?org={org}&property=hotel");
        await browsers.SignInAsync(board);
        var status = board.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Live");
        await board.EvaluateAsync("() => { window.sameBoard = true; }");

        hubDown = true;
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }

        await Expect(status).ToContainTextAsync("Reconnecting");
        await BrowserFixture.ScreenshotAsync(board, "board-reconnecting");
        foreach (var (room, guest) in new[] { ("d1", "Ines Moreau"), ("d2", "Jonas Weber") })
        {
            var held = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay(room, 1, 3, guest)).OkAsync();
            await browsers.Api.Client.PostAsync($"/api/orgs/{org}/bookings/{held.GetProperty("id").GetString()}/confirm", null).OkAsync();
        }

        hubDown = false;
        await Expect(status).ToContainTextAsync("Live");
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Ines Moreau, Double 1" })).ToHaveAttributeAsync("data-status", "Confirmed");
        await Expect(board.GetByRole(AriaRole.Button, new() { Name = "Jonas Weber, Double 2" })).ToHaveAttributeAsync("data-status", "Confirmed");
        Assert.True(await BrowserFixture.NeverReloadedAsync(board));
        Assert.Equal(1, snapshots);
        await BrowserFixture.ScreenshotAsync(board, "board-after-reconnect");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_board_whose_sign_in_no_longer_holds_asks_for_it_again_says_when_a_password_is_wrong_and_signs_out()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var board = await browsers.OpenAsync($"/board?org={org}&property=hotel");
        var form = board.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" });
        var status = board.GetByRole(AriaRole.Status);
        await Expect(form).ToBeVisibleAsync();
        await Expect(status).ToContainTextAsync("Not signed in");
        await Expect(board.GetByRole(AriaRole.Region, new() { Name = "Rooms and nights" })).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(board, "board-sign-in");

        // A colleague signs in: the sign-in is a cookie no script on the page can read.
        var colleague = $"night-porter-{Guid.NewGuid():N}@example.com";
        var invitation = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email = colleague, role = "Staff" }).OkAsync();
        using (var anonymous = browsers.Api.App.NewClient())
        {
            await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Night Porter", password = ApiFixture.Password }).OkAsync();
        }

        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(colleague);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(status).ToContainTextAsync("Live");
        var cookie = Assert.Single(await board.Context.CookiesAsync(), c => c.Name.EndsWith(".session", StringComparison.Ordinal));
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.DoesNotContain(".session", await board.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);

        // The owner changes the colleague's role: the sign-in on this board ends, and the next thing it asks for says so.
        await browsers.Api.Client.PutAsync($"/api/orgs/{org}/members/{Uri.EscapeDataString(colleague)}/role", new { role = "Manager" }).OkAsync();
        await board.GetByRole(AriaRole.Button, new() { Name = "7 nights" }).ClickAsync();
        await Expect(form).ToContainTextAsync("Your sign-in has ended");
        await Expect(status).ToContainTextAsync("Not signed in");

        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(browsers.Api.OwnerEmail);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password + "-wrong");
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong email or password");

        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(status).ToContainTextAsync("Live");
        await Expect(board.GetByText(browsers.Api.OwnerEmail)).ToBeVisibleAsync();

        await board.GetByText(browsers.Api.OwnerEmail).ClickAsync();
        await board.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(form).ToBeVisibleAsync();
        await Expect(status).ToContainTextAsync("Not signed in");
        Assert.DoesNotContain(await board.Context.CookiesAsync(), c => c.Name.EndsWith(".session", StringComparison.Ordinal));
        await board.ReloadAsync();
        await Expect(form).ToBeVisibleAsync();
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task Signing_out_everywhere_on_one_board_ends_the_sign_in_of_another_browser_at_once()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var colleague = $"receptionist-{Guid.NewGuid():N}@example.com";
        var invitation = await browsers.Api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email = colleague, role = "Staff" }).OkAsync();
        using (var anonymous = browsers.Api.App.NewClient())
        {
            await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Receptionist", password = ApiFixture.Password }).OkAsync();
        }

        var desk = await SignedInBoardAsync(org, colleague);
        var office = await SignedInBoardAsync(org, colleague);

        await desk.GetByText(colleague).ClickAsync();
        await BrowserFixture.ScreenshotAsync(desk, "board-account-menu");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" })).ToContainTextAsync("Signed out on every browser");

        // The other browser never signed out, yet its next request finds the sign-in ended.
        await office.GetByRole(AriaRole.Button, new() { Name = "7 nights" }).ClickAsync();
        await Expect(office.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" })).ToContainTextAsync("Your sign-in has ended");
        Assert.Empty(browsers.PageErrors);
    }

    [Fact]
    public async Task A_board_opened_without_a_property_shows_the_organizations_first_or_its_setup_when_it_has_none()
    {
        var org = await browsers.Api.OpenHotelAsync(doubles: 1, suites: 0);
        var empty = "empty-" + Guid.NewGuid().ToString("N")[..12];
        await browsers.Api.Client.PostAsync("/api/orgs", new { id = empty, name = "Not Yet Open", plan = "Premium" }).OkAsync();

        var board = await browsers.OpenAsync($"/board?org={org}");
        await browsers.SignInAsync(board);
        await Expect(board).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/board\\?org={org}&property=hotel$"));
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");

        await board.GotoAsync($"/board?org={empty}");
        await Expect(board).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/setup\\?org={empty}$"));
        Assert.Empty(browsers.PageErrors);
    }

    private async Task<IPage> SignedInBoardAsync(string org, string email)
    {
        var board = await browsers.OpenAsync($"/board?org={org}&property=hotel");
        var form = board.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" });
        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");
        return board;
    }
}
