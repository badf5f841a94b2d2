using System.Net;
using System.Text.Json;
using Xunit;

namespace Actors.Api.Tests.Onboarding;

/// <summary>The onboarding checklist ticks each step from the organization's real state, and only from it.</summary>
public sealed class OnboardingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_new_organization_has_no_step_done()
    {
        var org = await SignUpAsync();

        var checklist = await api.Client.GetAsync($"/api/orgs/{org}/onboarding").OkAsync();

        Assert.Equal([], Ticked(checklist));
        Assert.False(checklist.GetProperty("done").GetBoolean());
        Assert.Equal(0, checklist.GetProperty("sampleBookings").GetInt32());
    }

    [Fact]
    public async Task A_property_without_room_types_is_set_up_but_has_no_rates()
    {
        var org = await SignUpAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/properties", new { id = "hotel", settings = ApiFixture.PropertySettings("Hotel"), roomTypes = Array.Empty<object>() }).OkAsync();

        Assert.Equal(["propertySetUp"], Ticked(await ChecklistAsync(org)));
    }

    [Fact]
    public async Task A_priced_room_type_sets_the_rates_and_a_room_adds_the_rooms()
    {
        var org = await SignUpAsync();
        await OpenPropertyAsync(org);
        var priced = Ticked(await ChecklistAsync(org));
        await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "101", name = "101", roomType = "double" }).OkAsync();

        Assert.Equal(["propertySetUp", "ratesSet"], priced);
        Assert.Equal(["propertySetUp", "ratesSet", "roomsAdded"], Ticked(await ChecklistAsync(org)));
    }

    [Fact]
    public async Task An_open_invitation_counts_as_a_colleague_invited_and_so_does_a_colleague_who_joined()
    {
        var invitedOrg = await SignUpAsync();
        await api.Client.PostAsync($"/api/orgs/{invitedOrg}/invitations", new { email = $"ann-{Guid.NewGuid():N}@example.com", role = "Staff" }).OkAsync();
        var joinedOrg = await SignUpAsync();
        var invitation = await api.Client.PostAsync($"/api/orgs/{joinedOrg}/invitations", new { email = $"bob-{Guid.NewGuid():N}@example.com", role = "Manager" }).OkAsync();
        using var anonymous = api.App.NewClient();
        await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Bob", password = ApiFixture.Password }).OkAsync();

        Assert.Equal(["colleagueInvited"], Ticked(await ChecklistAsync(invitedOrg)));
        Assert.Equal(["colleagueInvited"], Ticked(await ChecklistAsync(joinedOrg)));
    }

    [Fact]
    public async Task A_test_booking_stays_ticked_after_it_is_cancelled_but_sample_bookings_never_tick_it()
    {
        var org = await SignUpAsync();
        await OpenPropertyAsync(org);
        await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "101", name = "101", roomType = "double" }).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/sample-bookings", null).OkAsync();
        var withSamples = await ChecklistAsync(org);
        await api.Client.DeleteAsync($"/api/orgs/{org}/properties/hotel/sample-bookings").OkAsync();

        var booking = await api.Client.PostAsync($"/api/orgs/{org}/bookings", new
        {
            propertyId = "hotel",
            roomType = "double",
            checkIn = ApiFixture.Day(20),
            checkOut = ApiFixture.Day(22),
            guest = new { name = "Test Guest", email = "test@example.com" },
        }).OkAsync();
        var taken = Ticked(await ChecklistAsync(org));
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking.GetProperty("id").GetString()}/cancel", null).OkAsync();

        Assert.DoesNotContain("testBookingTaken", Ticked(withSamples));
        Assert.True(withSamples.GetProperty("sampleBookings").GetInt32() > 0);
        Assert.Contains("testBookingTaken", taken);
        Assert.Contains("testBookingTaken", Ticked(await ChecklistAsync(org)));
    }

    [Fact]
    public async Task Connecting_stripe_ticks_it_and_disconnecting_unticks_it()
    {
        var org = await SignUpAsync();
        await api.Client.PutAsync($"/api/orgs/{org}/stripe-account", new { secretKey = "sk_test_onboarding", webhookSecret = "whsec_onboarding" }).OkAsync();
        var connected = Ticked(await ChecklistAsync(org));
        await api.Client.DeleteAsync($"/api/orgs/{org}/stripe-account").OkAsync();

        Assert.Equal(["stripeConnected"], connected);
        Assert.Equal([], Ticked(await ChecklistAsync(org)));
    }

    [Fact]
    public async Task Every_step_done_makes_the_checklist_done()
    {
        var org = await SignUpAsync();
        await OpenPropertyAsync(org);
        await api.Client.PostAsync($"/api/orgs/{org}/properties/hotel/rooms", new { id = "101", name = "101", roomType = "double" }).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email = $"cy-{Guid.NewGuid():N}@example.com", role = "Staff" }).OkAsync();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("101", 3, 4)).OkAsync();
        await api.Client.PutAsync($"/api/orgs/{org}/stripe-account", new { secretKey = "sk_test_all_done", webhookSecret = "whsec_all_done" }).OkAsync();

        var checklist = await ChecklistAsync(org);

        Assert.Equal(6, Ticked(checklist).Count);
        Assert.True(checklist.GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task Another_organization_s_checklist_is_forbidden_and_an_unknown_one_is_not_found()
    {
        using var stranger = api.ClientFor(await ApiFixture.SignUpAsync(api.App.NewClient(), "other-" + Guid.NewGuid().ToString("N")[..12], $"stranger-{Guid.NewGuid():N}@example.com"));
        var org = await SignUpAsync();

        using var foreign = await stranger.GetAsync($"/api/orgs/{org}/onboarding");
        using var badId = await api.Client.GetAsync("/api/orgs/NOT_AN_ID/onboarding");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(ApiFixture.Problems + "forbidden", (await foreign.ReadAsync()).ProblemType());
        Assert.True(badId.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{badId.StatusCode}");
    }

    [Fact]
    public async Task Owners_list_open_invitations_without_their_tokens_and_managers_may_not()
    {
        var org = await SignUpAsync();
        var email = $"dee-{Guid.NewGuid():N}@example.com";
        await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Manager" }).OkAsync();
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email = $"mgr-{Guid.NewGuid():N}@example.com", role = "Manager" }).OkAsync();
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Mgr", password = ApiFixture.Password }).OkAsync();
        using var manager = api.ClientFor(accepted.GetProperty("token").GetString()!);

        var open = await api.Client.GetAsync($"/api/orgs/{org}/invitations").OkAsync();
        using var refused = await manager.GetAsync($"/api/orgs/{org}/invitations");

        var only = Assert.Single(open.EnumerateArray());
        Assert.Equal(email, only.GetProperty("email").GetString());
        Assert.Equal("Manager", only.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("token").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<string> SignUpAsync()
    {
        var org = "onb-" + Guid.NewGuid().ToString("N")[..12];
        // The fixture's owner opens it, so api.Client may act in it.
        await api.Client.PostAsync("/api/signup", new { organizationId = org, organizationName = "Onboarding " + org, plan = "Free", email = api.OwnerEmail, name = "Owner", password = ApiFixture.Password }).OkAsync();
        return org;
    }

    private Task OpenPropertyAsync(string org) =>
        api.Client.PostAsync($"/api/orgs/{org}/properties", new
        {
            id = "hotel",
            settings = ApiFixture.PropertySettings("Hotel"),
            roomTypes = new[] { new { id = "double", name = "Double", nightlyRate = 90m, maxOccupancy = 2 } },
        }).OkAsync();

    private Task<JsonElement> ChecklistAsync(string org) => api.Client.GetAsync($"/api/orgs/{org}/onboarding").OkAsync();

    private static List<string> Ticked(JsonElement checklist) =>
        [.. new[] { "propertySetUp", "roomsAdded", "ratesSet", "colleagueInvited", "testBookingTaken", "stripeConnected" }
            .Where(step => checklist.GetProperty(step).GetBoolean())
            .Order(StringComparer.Ordinal)];
}
