using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Actors.Persistence.Testing;

namespace Actors.Cluster.Tests;

/// <summary>
/// Signing out everywhere, and removing a member, take effect at once on every API node: the nodes
/// share no memory, only the account's grain, which every node asks on every request.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class SessionsAcrossNodesTests : IAsyncLifetime
{
    private const string Org = "session-hotels";
    private const string Password = "cluster owner password";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_removed_member_and_a_signed_out_account_are_refused_at_once_on_the_other_API_node()
    {
        await using var silo = await NodeProcess.StartAsync("Silo", database.ConnectionString);
        var apis = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => NodeProcess.StartAsync(
            "Api", database.ConnectionString, new Dictionary<string, string> { ["Cluster__HostsGrains"] = "false" })));
        try
        {
            var (first, second) = (apis[0].BaseAddress, apis[1].BaseAddress);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var owner = await HotelApi.OpenHotelAsync(http, first, Org, rooms: 1);
            var memberEmail = $"porter@{Org}.example";
            var invitation = await HotelApi.PostAsync(http, first, $"/api/orgs/{Org}/invitations", new { email = memberEmail, role = "Staff" }, owner);
            var accepted = await HotelApi.PostAsync(http, second, $"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { name = "Porter", password = Password }, token: null);
            var member = accepted.GetProperty("token").GetString()!;
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, second, $"/api/orgs/{Org}", member));

            // Removed on the first node: refused on the second with no wait.
            using (var removal = new HttpRequestMessage(HttpMethod.Delete, new Uri(first, $"/api/orgs/{Org}/members/{Uri.EscapeDataString(memberEmail)}")))
            {
                removal.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner);
                using var removed = await http.SendAsync(removal);
                Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, second, $"/api/orgs/{Org}", member));

            // The owner's page cookie, set by the second node, is good on the first too (the nodes share their keys) ...
            var jar = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { Timeout = TimeSpan.FromSeconds(30) };
            using (var signIn = await browser.PostAsJsonAsync(new Uri(second, "/api/session"), new { email = $"owner@{Org}.example", password = Password }))
            {
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            }

            var cookie = Assert.Single(jar.GetCookies(second), c => c.Name.EndsWith(".session", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, first, "/api/me", token: null, cookie));

            // ... until the owner signs out everywhere on the second node: then neither the token nor the cookie opens anything on the first.
            using (var signOut = new HttpRequestMessage(HttpMethod.Post, new Uri(second, "/api/sign-out-everywhere")))
            {
                signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner);
                using var signedOut = await http.SendAsync(signOut);
                Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, first, $"/api/orgs/{Org}", owner));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, first, "/api/me", token: null, cookie));
        }
        finally
        {
            foreach (var node in apis)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, Uri node, string path, string? token, Cookie? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
