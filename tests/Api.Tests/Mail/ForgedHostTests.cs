using Xunit;

namespace Actors.Api.Tests.Mail;

/// <summary>Reset-link poisoning: a request naming another site in its Host header must not get the victim's token mailed as a link to that site.</summary>
public sealed class ForgedHostTests(TenancyMailApi api) : IClassFixture<TenancyMailApi>
{
    [Theory]
    [InlineData("evil.example", TenancyMailApi.BaseHost)]
    [InlineData("stays.test.evil.example", TenancyMailApi.BaseHost)]
    [InlineData("acme.stays.test", "acme.stays.test")]
    public async Task A_reset_link_points_at_the_platforms_own_hosts_whatever_host_the_request_named(string named, string linked)
    {
        var email = $"pia-{Guid.NewGuid():N}@example.com";
        using var client = api.App.NewClient();
        await client.PostAsync("/api/signup", new { organizationId = "pia-" + Guid.NewGuid().ToString("N")[..12], organizationName = "Pia", email, name = "Pia", password = ApiFixture.Password }).OkAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/password-reset") { Content = System.Net.Http.Json.JsonContent.Create(new { email }) };
        request.Headers.Host = named;
        using var asked = await client.SendAsync(request);
        var link = MailCatcher.Link(await MailedApi.Mails.WaitForAsync(email, "new password"), "/reset-password");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(linked, link.Host);
    }
}
