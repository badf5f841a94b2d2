using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>
/// The pages' sign-in cookie, as a browser holds it: set for the base domain, good on the
/// organization's subdomain and the base host, worth nothing in another organization, useless to
/// another site without the page's antiforgery token, and ended everywhere at once on request.
/// </summary>
public sealed class SessionTests(IsolationApi api) : IClassFixture<IsolationApi>
{
    [Fact]
    public async Task A_page_sign_in_sets_an_HttpOnly_Lax_cookie_for_the_base_domain_good_in_its_organization_on_any_subdomain_and_nothing_in_another()
    {
        var jar = new CookieContainer();
        using var browser = Browser(jar);

        using var signIn = await browser.PostAsync(At(IsolationApi.Alpha, "/api/session"), new { email = api.OwnerEmail, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains(".session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains($"domain={IsolationApi.BaseHost}", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        // Served over plain HTTP here; behind HTTPS the same cookie is marked Secure (SameAsRequest).
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);

        await browser.GetAsync(At(IsolationApi.Alpha, $"/api/orgs/{IsolationApi.Alpha}/properties")).OkAsync();
        await browser.GetAsync(At(null, $"/api/orgs/{IsolationApi.Alpha}/properties")).OkAsync();
        var me = await browser.GetAsync(At(null, "/api/me")).OkAsync();
        Assert.Equal("Owner", me.GetProperty("memberships").GetProperty(IsolationApi.Alpha).GetString());

        // The browser sends the same cookie to bravo's subdomain: it grants nothing there.
        Assert.NotEmpty(jar.GetCookies(new Uri(At(IsolationApi.Bravo, "/"))));
        using var bravo = await browser.GetAsync(At(IsolationApi.Bravo, $"/api/orgs/{IsolationApi.Bravo}"));
        using var alphaFromBravo = await browser.GetAsync(At(IsolationApi.Bravo, $"/api/orgs/{IsolationApi.Alpha}"));
        using var bravoFromBase = await browser.GetAsync(At(null, $"/api/orgs/{IsolationApi.Bravo}/properties"));
        Assert.Equal(HttpStatusCode.Forbidden, bravo.StatusCode);
        Assert.Equal(ApiFixture.Problems + "forbidden", (await bravo.ReadAsync()).ProblemType());
        Assert.Equal(ApiFixture.Problems + "wrong-organization", (await alphaFromBravo.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Forbidden, bravoFromBase.StatusCode);

        var token = (await browser.GetAsync(At(IsolationApi.Alpha, "/api/antiforgery")).OkAsync()).GetProperty("token").GetString();
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, At(IsolationApi.Alpha, "/api/session"));
        signOut.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
        using var afterSignOut = await browser.GetAsync(At(IsolationApi.Alpha, "/api/me"));
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task A_change_made_with_the_cookie_needs_the_pages_antiforgery_token_and_without_it_nothing_is_written()
    {
        var jar = new CookieContainer();
        using var browser = Browser(jar);
        await browser.PostAsync(At(IsolationApi.Alpha, "/api/session"), new { email = api.OwnerEmail, password = ApiFixture.Password }).OkAsync();
        var rooms = At(IsolationApi.Alpha, $"/api/orgs/{IsolationApi.Alpha}/properties/hotel/rooms");
        var room = $"c{Guid.NewGuid().ToString("N")[..8]}";

        // What another site's page makes the browser send: the cookie, with no token (or a token of its own).
        using var crossSite = Request(HttpMethod.Post, rooms, new { id = room, name = "Cookie room", roomType = "double" });
        crossSite.Headers.Add("Origin", "https://elsewhere.example");
        using var refused = await browser.SendAsync(crossSite);
        using var stranger = Browser(new CookieContainer());
        var strangersToken = (await stranger.GetAsync(At(IsolationApi.Alpha, "/api/antiforgery")).OkAsync()).GetProperty("token").GetString();
        using var withStrangersToken = Request(HttpMethod.Post, rooms, new { id = room, name = "Cookie room", roomType = "double" });
        withStrangersToken.Headers.Add("X-CSRF-TOKEN", strangersToken);
        using var refusedAgain = await browser.SendAsync(withStrangersToken);
        using var notWritten = await browser.GetAsync($"{rooms}/{room}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ApiFixture.Problems + "antiforgery", (await refused.ReadAsync()).ProblemType());
        Assert.Equal(HttpStatusCode.Forbidden, refusedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notWritten.StatusCode);

        // The page itself reads its token first and sends it along.
        var token = await browser.GetAsync(At(IsolationApi.Alpha, "/api/antiforgery")).OkAsync();
        Assert.Equal("X-CSRF-TOKEN", token.GetProperty("headerName").GetString());
        using var fromThePage = Request(HttpMethod.Post, rooms, new { id = room, name = "Cookie room", roomType = "double" });
        fromThePage.Headers.Add("X-CSRF-TOKEN", token.GetProperty("token").GetString());
        await browser.SendAsync(fromThePage).OkAsync();
        await browser.GetAsync($"{rooms}/{room}").OkAsync();
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_cookie_and_token_of_the_account_at_once_and_a_new_sign_in_works()
    {
        var email = $"leaver-{Guid.NewGuid():N}@example.com";
        var org = "own-" + Guid.NewGuid().ToString("N")[..12];
        using var anonymous = api.App.NewClient();
        var first = await ApiFixture.SignUpAsync(anonymous, org, email);
        var second = await api.SignInAsync(email);
        var jar = new CookieContainer();
        using var browser = Browser(jar);
        await browser.PostAsync(At(org, "/api/session"), new { email, password = ApiFixture.Password }).OkAsync();
        using var laptop = api.ClientFor(first);
        using var phone = api.ClientFor(second);
        await browser.GetAsync(At(org, $"/api/orgs/{org}")).OkAsync();

        using var signedOut = await laptop.PostAsync("/api/sign-out-everywhere", null);
        using var laptopAfter = await laptop.GetAsync("/api/me");
        using var phoneAfter = await phone.GetAsync($"/api/orgs/{org}");
        using var browserAfter = await browser.GetAsync(At(org, "/api/me"));

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        foreach (var refused in new[] { laptopAfter, phoneAfter, browserAfter })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("has ended", (await refused.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var again = api.ClientFor(await api.SignInAsync(email));
        await again.GetAsync($"/api/orgs/{org}").OkAsync();
        await browser.PostAsync(At(org, "/api/session"), new { email, password = ApiFixture.Password }).OkAsync();
        await browser.GetAsync(At(org, "/api/me")).OkAsync();
    }

    [Fact]
    public async Task Signing_out_everywhere_needs_a_sign_in()
    {
        using var anonymous = api.App.NewClient();
        using var response = await anonymous.PostAsync("/api/sign-out-everywhere", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>"http://{org}.bookings.test:{port}{path}" (the base host itself when org is null), which <see cref="Browser"/> reaches on loopback.</summary>
    private string At(string? org, string path) =>
        $"http://{(org is null ? "" : org + ".")}{IsolationApi.BaseHost}:{api.App.Address.Port}{path}";

    private static HttpRequestMessage Request(HttpMethod method, string url, object body) =>
        new(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };

    /// <summary>A client that keeps cookies as a browser does and reaches any name under the base host at the app's loopback port.</summary>
    private HttpClient Browser(CookieContainer jar) => new(new SocketsHttpHandler
    {
        CookieContainer = jar,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, api.App.Address.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { Timeout = TimeSpan.FromSeconds(60) };
}
