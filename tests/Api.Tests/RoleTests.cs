using System.Net;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>Invitations bring people in with a role; the role decides what they may do, from the moment it changes.</summary>
public sealed class RoleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Staff_read_keep_house_and_check_guests_in_but_change_nothing_else()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 0);
        using var staff = await JoinAsync(org, "Staff");
        var hotel = $"/api/orgs/{org}/properties/hotel";
        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 0, 2)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();

        await staff.GetAsync($"{hotel}/rooms").OkAsync();
        await staff.PutAsync($"{hotel}/rooms/d2/housekeeping", new { status = "Dirty" }).OkAsync();
        Assert.Equal("CheckedIn", ApiFixture.Status(await staff.PostAsync($"/api/orgs/{org}/bookings/{booking}/check-in", null).OkAsync()));

        await AssertForbiddenAsync(staff.PostAsync($"{hotel}/rooms", new { id = "d9", name = "D9", roomType = "double" }));
        await AssertForbiddenAsync(staff.PutAsync($"{hotel}/room-types/double/rates", new { from = ApiFixture.Day(4), to = ApiFixture.Day(5), nightlyRate = 175m }));
        await AssertForbiddenAsync(staff.PostAsync($"/api/orgs/{org}/bookings/{booking}/cancel", null));
        await AssertForbiddenAsync(staff.PostAsync($"/api/orgs/{org}/bookings/{booking}/payment/cancel", null));
        await AssertForbiddenAsync(staff.PutAsync($"/api/orgs/{org}/plan", new { plan = "Free" }));
        await AssertForbiddenAsync(staff.PostAsync($"/api/orgs/{org}/invitations", new { email = "x@example.com", role = "Owner" }));
        await AssertForbiddenAsync(staff.GetAsync($"/api/orgs/{org}/audit"));
    }

    [Fact]
    public async Task Managers_run_properties_rooms_rates_and_bookings_but_not_members_plan_billing_or_audit()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var manager = await JoinAsync(org, "Manager");
        var hotel = $"/api/orgs/{org}/properties/hotel";

        await manager.PostAsync($"{hotel}/rooms", new { id = "d2", name = "D2", roomType = "double" }).OkAsync();
        await manager.PutAsync($"{hotel}/room-types/double/rates", new { from = ApiFixture.Day(4), to = ApiFixture.Day(5), nightlyRate = 175m }).OkAsync();
        var booking = (await manager.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d2", 1, 3)).OkAsync()).GetProperty("id").GetString();
        await manager.PostAsync($"/api/orgs/{org}/bookings/{booking}/cancel", null).OkAsync();

        await AssertForbiddenAsync(manager.PutAsync($"/api/orgs/{org}/plan", new { plan = "Free" }));
        await AssertForbiddenAsync(manager.GetAsync($"/api/orgs/{org}/members"));
        await AssertForbiddenAsync(manager.PostAsync($"/api/orgs/{org}/invitations", new { email = "x@example.com", role = "Staff" }));
        await AssertForbiddenAsync(manager.GetAsync($"/api/orgs/{org}/audit"));
        await AssertForbiddenAsync(manager.GetAsync($"/api/orgs/{org}/subscription"));
        await AssertForbiddenAsync(manager.PostAsync($"/api/orgs/{org}/subscription", new { plan = "Standard" }));
        await AssertForbiddenAsync(manager.GetAsync($"/api/orgs/{org}/stripe-account"));
        await AssertForbiddenAsync(manager.DeleteAsync($"/api/orgs/{org}/stripe-account"));
    }

    [Fact]
    public async Task An_invitation_works_once_and_a_removed_member_loses_access_at_once()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var email = $"eve-{Guid.NewGuid():N}@example.com";
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Manager" }).OkAsync();
        var token = invitation.GetProperty("token").GetString()!;
        using var anonymous = api.App.NewClient();

        using var badSecret = await anonymous.PostAsync($"/api/invitations/{org}.not-the-secret/accept", new { name = "Eve", password = ApiFixture.Password });
        var accepted = await anonymous.PostAsync($"/api/invitations/{token}/accept", new { name = "Eve", password = ApiFixture.Password }).OkAsync();
        using var again = await anonymous.PostAsync($"/api/invitations/{token}/accept", new { name = "Eve", password = ApiFixture.Password });
        using var eve = api.ClientFor(accepted.GetProperty("token").GetString()!);
        await eve.GetAsync($"/api/orgs/{org}").OkAsync();
        var members = await api.Client.GetAsync($"/api/orgs/{org}/members").OkAsync();

        using var removed = await api.Client.DeleteAsync($"/api/orgs/{org}/members/{Uri.EscapeDataString(email)}");
        using var afterRemoval = await eve.GetAsync($"/api/orgs/{org}");
        using var meAfterRemoval = await eve.GetAsync("/api/me");
        using var signedInAgain = api.ClientFor(await api.SignInAsync(email));
        using var organizationSignedInAgain = await signedInAgain.GetAsync($"/api/orgs/{org}");
        var me = await signedInAgain.GetAsync("/api/me").OkAsync();

        Assert.Equal(HttpStatusCode.NotFound, badSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("Manager", accepted.GetProperty("user").GetProperty("memberships").GetProperty(org).GetString());
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("email").GetString() == email && m.GetProperty("role").GetString() == "Manager");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        // The removal ends the member's sessions: the token is refused everywhere, not only in the organization.
        Assert.Equal(HttpStatusCode.Unauthorized, afterRemoval.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meAfterRemoval.StatusCode);
        Assert.Contains("has ended", (await meAfterRemoval.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, organizationSignedInAgain.StatusCode);
        Assert.False(me.GetProperty("memberships").TryGetProperty(org, out _));
    }

    [Fact]
    public async Task A_role_change_ends_the_members_sessions_the_new_role_applies_from_the_next_sign_in_and_the_last_owner_cannot_leave()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var (member, email) = await JoinWithEmailAsync(org, "Staff");
        using (member)
        {
            await AssertForbiddenAsync(member.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "d2", name = "D2", roomType = "double" }));
            await api.Client.PutAsync($"/api/orgs/{org}/members/{Uri.EscapeDataString(email)}/role", new { role = "Manager" }).OkAsync();
            using var withOldToken = await member.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "d2", name = "D2", roomType = "double" });
            Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
            using var signedInAgain = api.ClientFor(await api.SignInAsync(email));
            await signedInAgain.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "d2", name = "D2", roomType = "double" }).OkAsync();
        }

        using var demote = await api.Client.PutAsync($"/api/orgs/{org}/members/{Uri.EscapeDataString(api.OwnerEmail)}/role", new { role = "Manager" });
        using var leave = await api.Client.DeleteAsync($"/api/orgs/{org}/members/{Uri.EscapeDataString(api.OwnerEmail)}");

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
    }

    [Fact]
    public async Task An_existing_account_accepts_with_its_own_password_and_keeps_one_account()
    {
        var first = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var second = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var (member, email) = await JoinWithEmailAsync(first, "Staff");
        member.Dispose();
        var invitation = await api.Client.PostAsync($"/api/orgs/{second}/invitations", new { email, role = "Manager" }).OkAsync();
        using var anonymous = api.App.NewClient();

        using var wrong = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { password = "not my password" });
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { password = ApiFixture.Password }).OkAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var memberships = accepted.GetProperty("user").GetProperty("memberships");
        Assert.Equal("Staff", memberships.GetProperty(first).GetString());
        Assert.Equal("Manager", memberships.GetProperty(second).GetString());
    }

    private async Task<HttpClient> JoinAsync(string org, string role) => (await JoinWithEmailAsync(org, role)).Client;

    private async Task<(HttpClient Client, string Email)> JoinWithEmailAsync(string org, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role }).OkAsync();
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = role, password = ApiFixture.Password }).OkAsync();
        return (api.ClientFor(accepted.GetProperty("token").GetString()!), email);
    }

    private static async Task AssertForbiddenAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiFixture.Problems + "forbidden", (await response.ReadAsync()).ProblemType());
    }
}
