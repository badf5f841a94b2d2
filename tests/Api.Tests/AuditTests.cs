using System.Net;
using Xunit;

namespace Actors.Api.Tests;

public sealed class AuditTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Every_successful_change_is_in_the_owners_audit_log_with_who_what_when_and_where()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var guest = api.App.NewClient();
        guest.DefaultRequestHeaders.UserAgent.ParseAdd("guest-browser/1.0");
        var booking = (await guest.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 1, 3)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        using var refused = await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/check-in", null);
        await api.Client.GetAsync($"/api/orgs/{org}/bookings/{booking}").OkAsync();

        var page = await api.Client.GetAsync($"/api/orgs/{org}/audit?after=0").OkAsync();
        var entries = page.GetProperty("entries").EnumerateArray().Select(e => (Sequence: e.GetProperty("sequence").GetInt64(), Entry: e.GetProperty("entry"))).ToList();
        var routes = entries.Select(e => $"{e.Entry.GetProperty("method").GetString()} {e.Entry.GetProperty("route").GetString()}").ToList();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(
            [
                "POST /api/orgs",
                "POST /api/orgs/{org}/properties",
                "POST /api/orgs/{org}/properties/{property}/rooms",
                "POST /api/orgs/{org}/bookings",
                "POST /api/orgs/{org}/bookings/{booking}/confirm",
            ],
            routes);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        var hold = entries[3].Entry;
        Assert.Equal("guest", hold.GetProperty("actor").GetString());
        Assert.Equal("guest-browser/1.0", hold.GetProperty("userAgent").GetString());
        Assert.Equal("127.0.0.1", hold.GetProperty("remoteAddress").GetString());
        var confirm = entries[4].Entry;
        Assert.Equal(api.OwnerEmail, confirm.GetProperty("actor").GetString());
        Assert.Equal(booking, confirm.GetProperty("ids").GetProperty("booking").GetString());
        Assert.Equal(org, confirm.GetProperty("organization").GetString());
        Assert.InRange(confirm.GetProperty("at").GetDateTimeOffset(), started, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(entries[^1].Sequence, page.GetProperty("last").GetInt64());

        var next = await api.Client.GetAsync($"/api/orgs/{org}/audit?after=4").OkAsync();
        Assert.Equal(5, Assert.Single(next.GetProperty("entries").EnumerateArray()).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task A_new_booking_is_filed_naming_it_and_a_replay_of_the_same_request_is_not_filed_again()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        using var guest = api.App.NewClient();
        var key = Guid.NewGuid().ToString("N");

        var first = await guest.SendRawAsync(HttpMethod.Post, $"/api/orgs/{org}/bookings", System.Text.Json.JsonSerializer.Serialize(ApiFixture.Stay("d1", 1, 3)), idempotencyKey: key).OkAsync();
        await guest.SendRawAsync(HttpMethod.Post, $"/api/orgs/{org}/bookings", System.Text.Json.JsonSerializer.Serialize(ApiFixture.Stay("d1", 1, 3)), idempotencyKey: key).OkAsync();

        var entries = (await api.Client.GetAsync($"/api/orgs/{org}/audit?after=0").OkAsync()).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry")).ToList();
        var created = Assert.Single(entries, e => e.GetProperty("route").GetString() == "/api/orgs/{org}/bookings");
        Assert.Equal(first.GetProperty("id").GetString(), created.GetProperty("ids").GetProperty("booking").GetString());
    }

    [Fact]
    public async Task Members_joining_are_audited_and_only_owners_read_the_log()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var email = $"mia-{Guid.NewGuid():N}@example.com";
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role = "Manager" }).OkAsync();
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Mia", password = ApiFixture.Password }).OkAsync();
        using var manager = api.ClientFor(accepted.GetProperty("token").GetString()!);
        using var anonymousRead = await anonymous.GetAsync($"/api/orgs/{org}/audit");
        using var managerRead = await manager.GetAsync($"/api/orgs/{org}/audit");

        var entries = (await api.Client.GetAsync($"/api/orgs/{org}/audit").OkAsync()).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry")).ToList();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, managerRead.StatusCode);
        var accept = entries.Single(e => e.GetProperty("route").GetString() == "/api/invitations/{token}/accept");
        Assert.Equal("guest", accept.GetProperty("actor").GetString());
        // The invitation's secret is a credential: the log keeps only the organization part of the token.
        Assert.Equal($"{org}.***", accept.GetProperty("ids").GetProperty("token").GetString());
        Assert.DoesNotContain(entries, e => e.GetRawText().Contains(invitation.GetProperty("token").GetString()!.Split('.')[1], StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetProperty("route").GetString() == "/api/orgs/{org}/invitations" && e.GetProperty("actor").GetString() == api.OwnerEmail);
    }

    [Fact]
    public async Task Bad_paging_is_a_validation_problem()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);

        using var response = await api.Client.GetAsync($"/api/orgs/{org}/audit?after=-1&limit=100000");
        var problem = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }
}
