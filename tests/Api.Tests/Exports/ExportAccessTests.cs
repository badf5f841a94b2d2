using System.Net;
using Xunit;

namespace Actors.Api.Tests.Exports;

/// <summary>Export and import are the owner's: managers and staff are refused, members leave without passwords and arrive as invitations.</summary>
public sealed class ExportAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Managers_and_staff_can_neither_export_nor_import()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var document = await api.Client.GetAsync($"/api/orgs/{org}/export").OkAsync();

        foreach (var role in new[] { "Manager", "Staff" })
        {
            using var member = api.ClientFor((await JoinAsync(org, role)).Token);
            using var export = await member.GetAsync($"/api/orgs/{org}/export");
            using var import = await member.PostAsync($"/api/orgs/{org}/import", document);

            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
            Assert.Equal(ApiFixture.Problems + "forbidden", (await export.ReadAsync()).ProblemType());
            Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        }
    }

    [Fact]
    public async Task Members_leave_with_their_roles_and_no_password_and_arrive_as_invitations()
    {
        var org = await api.OpenHotelAsync(doubles: 1, suites: 0);
        var (manager, _) = await JoinAsync(org, "Manager");
        var document = await api.Client.GetAsync($"/api/orgs/{org}/export").OkAsync();
        var target = "new-" + Guid.NewGuid().ToString("N")[..12];
        await api.Client.PostAsync("/api/orgs", new { id = target, name = "New Hotels", plan = "Premium" }).OkAsync();

        var summary = await api.Client.PostAsync($"/api/orgs/{target}/import", document).OkAsync();

        var text = document.GetRawText();
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        var members = document.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("email").GetString()!, m => m.GetProperty("role").GetString());
        Assert.Equal("Owner", members[api.OwnerEmail]);
        Assert.Equal("Manager", members[manager]);
        // The owner who imports is a member already; the manager is invited with the same role and joins by accepting.
        var invitation = Assert.Single(summary.GetProperty("invitations").EnumerateArray());
        Assert.Equal(manager, invitation.GetProperty("email").GetString());
        Assert.Equal("Manager", invitation.GetProperty("role").GetString());
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { password = ApiFixture.Password }).OkAsync();
        Assert.Equal("Manager", accepted.GetProperty("user").GetProperty("memberships").GetProperty(target).GetString());
    }

    /// <summary>Invites a new account with <paramref name="role"/>, accepts, and returns its email and token.</summary>
    private async Task<(string Email, string Token)> JoinAsync(string org, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var invitation = await api.Client.PostAsync($"/api/orgs/{org}/invitations", new { email, role }).OkAsync();
        using var anonymous = api.App.NewClient();
        var accepted = await anonymous.PostAsync($"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = role, password = ApiFixture.Password }).OkAsync();
        return (email, accepted.GetProperty("token").GetString()!);
    }
}
