using System.Net;
using System.Web;
using Xunit;

namespace Actors.Api.Tests.Mail;

public sealed class MailFlowTests(MailedApi api) : IClassFixture<MailedApi>
{
    private static MailCatcher Mails => MailedApi.Mails;

    [Fact]
    public async Task Signing_up_mails_a_welcome_whose_link_opens_the_new_organizations_board()
    {
        var email = $"hal-{Guid.NewGuid():N}@example.com";
        var org = "hal-" + Guid.NewGuid().ToString("N")[..12];
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = org, organizationName = "Hal's Harbour Rooms", email, name = "Hal", password = ApiFixture.Password }).OkAsync();

        var mail = await Mails.WaitForAsync(email, "Welcome");
        var board = MailCatcher.Link(mail, "/board");
        using var page = await client.GetAsync(board);

        Assert.Contains("Hal's Harbour Rooms", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Hello Hal,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hal&#39;s Harbour Rooms", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(org, HttpUtility.ParseQueryString(board.Query)["org"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_invitation_mails_a_join_link_whose_token_accepts_and_the_answer_still_holds_the_token()
    {
        var org = await api.OpenHotelAsync();
        var email = $"ivy-{Guid.NewGuid():N}@example.com";
        var invited = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Manager" }).OkAsync();

        var mail = await Mails.WaitForAsync(email, "invites you");
        var join = MailCatcher.Link(mail, "/join");
        var token = Uri.UnescapeDataString(HttpUtility.ParseQueryString(join.Fragment[1..])["token"]!);
        using var client = api.App.NewClient();
        using var page = await client.GetAsync(join);
        var accepted = await client.PostAsync($"/api/invitations/{token}/accept", new { name = "Ivy", password = ApiFixture.Password }).OkAsync();
        using var ivy = api.ClientFor(accepted.GetProperty("token").GetString()!);
        var me = await ivy.GetAsync("/api/me").OkAsync();

        Assert.Equal(invited.GetProperty("token").GetString(), token);
        Assert.Contains("Test Hotels", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("as a manager", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Manager", me.GetProperty("memberships").GetProperty(org).GetString());
    }

    [Fact]
    public async Task A_guest_who_confirms_gets_a_mail_whose_private_link_shows_the_booking_and_cancels_it()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var guest = $"jo-{Guid.NewGuid():N}@example.com";
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", Stay(guest, 10, 13)).OkAsync();
        using var client = api.App.NewClient();
        await client.PostAsync($"/api/guest/bookings/{held.GetProperty("guestToken").GetString()}/confirm", null).OkAsync();

        var mail = await Mails.WaitForAsync(guest, "confirmed");
        var link = MailCatcher.Link(mail, "/my-booking/");
        var token = link.Segments[^1];
        using var page = await client.GetAsync(link);
        var shown = await client.GetAsync($"/api/guest/bookings/{token}").OkAsync();
        var cancelled = await client.PostAsync($"/api/guest/bookings/{token}/cancel", null).OkAsync();

        Assert.Equal("Jo Guest", mail.To.Mailboxes.Single().Name);
        Assert.Contains(ApiFixture.Today.AddDays(10).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Room: Double", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Total: 300.00 EUR", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hotel", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(held.GetProperty("id").GetString(), shown.GetProperty("id").GetString());
        Assert.Equal("Confirmed", ApiFixture.Status(shown));
        Assert.Equal("Cancelled", ApiFixture.Status(cancelled));
    }

    [Fact]
    public async Task A_booking_confirmed_at_the_front_desk_mails_the_guest_once()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var guest = $"kit-{Guid.NewGuid():N}@example.com";
        var held = await api.Client.PostAsync($"/api/orgs/{org}/bookings", Stay(guest, 5, 6)).OkAsync();
        var id = held.GetProperty("id").GetString()!;
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/confirm", null).OkAsync();
        using var again = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{id}/confirm", null);

        var mail = await Mails.WaitForAsync(guest, "confirmed");
        var token = MailCatcher.Link(mail, "/my-booking/").Segments[^1];
        using var client = api.App.NewClient();
        var shown = await client.GetAsync($"/api/guest/bookings/{token}").OkAsync();
        // Any second mail would have been queued before the later sign-up's welcome.
        var marker = $"marker-{Guid.NewGuid():N}@example.com";
        await client.PostAsync("/api/signup", new { organizationId = "m-" + Guid.NewGuid().ToString("N")[..12], organizationName = "Marker", email = marker, name = "Marker", password = ApiFixture.Password }).OkAsync();
        await Mails.WaitForAsync(marker, "Welcome");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(held.GetProperty("guestToken").GetString(), token);
        Assert.Equal(id, shown.GetProperty("id").GetString());
        Assert.Single(Mails.To(guest));
    }

    public static object Stay(string guestEmail, int from, int to) => new
    {
        propertyId = "hotel",
        roomId = "d1",
        checkIn = ApiFixture.Day(from),
        checkOut = ApiFixture.Day(to),
        guest = new { name = "Jo Guest", email = guestEmail },
    };
}
